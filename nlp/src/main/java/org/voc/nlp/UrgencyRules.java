package org.voc.nlp;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How urgent a ticket is, from explicit signals in its words and from its sentiment.
 *
 * <p>Each {@link Rule} names a signal ({@code fraud}, {@code outage}, ...), an {@link Effect} and
 * the phrases that show it. The level starts at {@code normal}:
 *
 * <ul>
 *   <li>any {@code high} signal makes it {@code high};
 *   <li>each {@code raise} signal found is one step up, so two different ones make it {@code high}
 *       (one alone stays {@code normal}, with its reason listed); a document sentiment score at or
 *       below {@link #strongNegative()} is the {@code raise} signal {@code strong-negative};
 *   <li>with neither, a {@code low} signal (thanks, praise, a feature request) makes it {@code low}
 *       when the document's sentiment score is not negative.
 * </ul>
 *
 * Each signal counts once however often it matches; its reason carries the words of its first
 * match. The reasons listed are those behind the level: the high and raise signals, or the low
 * ones for a {@code low} ticket.
 *
 * <p>Phrases are matched over {@link PhraseTokens} keys (case, simple inflections, contractions and
 * counts normalized) with one dictionary of every phrase, walked once per word of the text: no
 * pattern per rule per document. Negation: a match is dropped when {@code not}, {@code no}, {@code
 * never}, {@code nothing} or {@code without} (also as {@code n't}) is among the three words before
 * it in the same clause, with only filler words between ("this is not fraud", "there was no
 * outage", "I don't want to cancel my subscription"); a negation inside the phrase itself ("I did
 * not make this payment") is part of the phrase. Not handled: negation after the phrase ("fraud?
 * no"), further back ("I'm not saying I will cancel"), across a comma, and double negation.
 * Immutable and thread-safe.
 */
public final class UrgencyRules {

  /** The signal of a strongly negative document sentiment. */
  public static final String STRONG_NEGATIVE = "strong-negative";

  /** The cut used when none is configured. */
  public static final double DEFAULT_STRONG_NEGATIVE = -0.6;

  private static final String DEFAULTS = "/org/voc/nlp/urgency/default-urgency.json";
  private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "nothing", "without");
  private static final int NEGATION_WINDOW = 3;
  private static final Set<String> FILLERS = Set.of("a", "an", "the", "any", "some", "real", "really", "actually",
      "even", "ever", "yet", "this", "it", "that", "want", "to", "need", "plan", "going", "trying", "try", "about");
  private static final int MAX_PHRASE_WORDS = 12;

  /** What a signal does to the level. */
  public enum Effect {
    /** The ticket is urgent. */
    HIGH,
    /** One step toward urgent: two different raise signals make it high. */
    RAISE,
    /** Nothing urgent: makes an otherwise normal, not negative ticket low. */
    LOW;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The effect named {@code high}, {@code raise} or {@code low}, if any. */
    public static Optional<Effect> parse(String value) {
      for (Effect effect : values()) {
        if (effect.wireName().equals(value)) {
          return Optional.of(effect);
        }
      }
      return Optional.empty();
    }
  }

  /** A signal, what it does, and the phrases that show it. */
  public record Rule(String signal, Effect effect, List<String> phrases) {
    public Rule {
      phrases = List.copyOf(phrases);
    }
  }

  /** Rules as written in the defaults resource and in {@code voc.yaml}: effect as a word. */
  public record RuleSpec(String signal, String effect, List<String> phrases) {}

  private final List<Rule> rules;
  private final double strongNegative;
  private final Node root = new Node();

  /**
   * Rules that match {@code rules}' phrases and treat a document sentiment score at or below
   * {@code strongNegative} as a raise.
   *
   * @throws IllegalArgumentException naming what is wrong: a blank signal, a rule without phrases,
   *     a phrase without words or longer than 12, a cut outside [-1, 0]
   */
  public UrgencyRules(List<Rule> rules, double strongNegative) {
    if (!(strongNegative >= -1 && strongNegative <= 0)) {
      throw new IllegalArgumentException("strongNegative must be between -1 and 0, got " + strongNegative);
    }
    this.rules = List.copyOf(rules);
    this.strongNegative = strongNegative;
    for (Rule rule : this.rules) {
      if (rule.signal() == null || rule.signal().isBlank()) {
        throw new IllegalArgumentException("every rule needs a signal name");
      }
      Objects.requireNonNull(rule.effect(), "effect");
      if (rule.phrases().isEmpty()) {
        throw new IllegalArgumentException("rule '" + rule.signal() + "' has no phrases");
      }
      for (String phrase : rule.phrases()) {
        add(rule, phrase);
      }
    }
  }

  /** The rule set shipped with voc. */
  public static UrgencyRules defaults() {
    return Defaults.RULES;
  }

  /**
   * These rules with {@code specs} added ({@code replace}: instead of these rules); a spec for a
   * signal these rules have adds its phrases to that signal and sets its effect. {@code
   * strongNegative} null keeps this cut.
   *
   * @throws IllegalArgumentException naming the rule that is wrong, as in the constructor, or an
   *     effect that is not high, raise or low
   */
  public UrgencyRules with(List<RuleSpec> specs, boolean replace, Double strongNegative) {
    Map<String, Rule> merged = new LinkedHashMap<>();
    if (!replace) {
      rules.forEach(rule -> merged.put(rule.signal(), rule));
    }
    for (RuleSpec spec : specs) {
      Rule rule = parse(spec);
      merged.merge(rule.signal(), rule, (old, added) -> {
        Set<String> phrases = new LinkedHashSet<>(old.phrases());
        phrases.addAll(added.phrases());
        return new Rule(old.signal(), added.effect(), List.copyOf(phrases));
      });
    }
    return new UrgencyRules(List.copyOf(merged.values()),
        strongNegative == null ? this.strongNegative : strongNegative);
  }

  private static Rule parse(RuleSpec spec) {
    String signal = spec.signal() == null ? "" : spec.signal().strip();
    if (signal.isEmpty()) {
      throw new IllegalArgumentException("every rule needs a signal name");
    }
    Effect effect = Effect.parse(spec.effect() == null ? "" : spec.effect().strip().toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new IllegalArgumentException(
            "rule '" + signal + "': effect must be high, raise or low, not '" + spec.effect() + "'"));
    List<String> phrases = spec.phrases() == null ? List.of() : spec.phrases();
    if (phrases.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("rule '" + signal + "' has an empty phrase");
    }
    return new Rule(signal, effect, phrases);
  }

  public List<Rule> rules() {
    return rules;
  }

  public double strongNegative() {
    return strongNegative;
  }

  /**
   * The urgency of a ticket with this {@code text} and document {@code sentiment} (null: no
   * sentiment signal).
   */
  public Urgency assess(String text, Sentiment sentiment) {
    Map<String, Found> found = find(text == null ? "" : text);
    List<Urgency.Reason> high = new ArrayList<>();
    List<Urgency.Reason> low = new ArrayList<>();
    int raises = 0;
    boolean urgent = false;
    for (Found f : found.values()) {
      switch (f.effect()) {
        case HIGH -> {
          urgent = true;
          high.add(f.reason());
        }
        case RAISE -> {
          raises++;
          high.add(f.reason());
        }
        case LOW -> low.add(f.reason());
      }
    }
    if (sentiment != null && sentiment.score() <= strongNegative) {
      raises++;
      high.add(new Urgency.Reason(STRONG_NEGATIVE, ""));
    }
    if (urgent || raises >= 2) {
      return new Urgency("high", high);
    }
    if (raises == 0 && !low.isEmpty() && sentiment != null && sentiment.score() >= 0) {
      return new Urgency("low", low);
    }
    return new Urgency("normal", high);
  }

  private record Found(Effect effect, Urgency.Reason reason) {}

  /** Each signal matched in {@code text}, in the order first found, with its first evidence. */
  private Map<String, Found> find(String text) {
    List<PhraseTokens.Token> tokens = PhraseTokens.of(text);
    Map<String, Found> found = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      Map<Rule, Integer> longest = new LinkedHashMap<>(); // per rule, the longest phrase from i
      Node node = root;
      for (int j = i; j < tokens.size() && j - i < MAX_PHRASE_WORDS; j++) {
        node = node.next.get(tokens.get(j).key());
        if (node == null) {
          break;
        }
        for (Rule rule : node.rules) {
          longest.put(rule, j);
        }
      }
      if (!longest.isEmpty() && !negated(tokens, i)) {
        int start = tokens.get(i).start();
        longest.forEach((rule, j) -> found.putIfAbsent(rule.signal(),
            new Found(rule.effect(), new Urgency.Reason(rule.signal(), text.substring(start, tokens.get(j).end())))));
      }
    }
    return found;
  }

  /**
   * Whether a negation comes shortly before {@code start} in its clause, with only filler words
   * between ("not fraud", "not a real outage", "don't want to cancel"): "if this is not fixed, my
   * lawyer..." is not a negated "my lawyer".
   */
  private static boolean negated(List<PhraseTokens.Token> tokens, int start) {
    if (tokens.get(start).clauseBefore()) {
      return false;
    }
    for (int k = start - 1; k >= 0 && k >= start - NEGATION_WINDOW; k--) {
      PhraseTokens.Token token = tokens.get(k);
      if (NEGATIONS.contains(token.word())) {
        return true;
      }
      if (token.clauseBefore() || !FILLERS.contains(token.word()) && !token.key().equals("be")) {
        return false;
      }
    }
    return false;
  }

  private void add(Rule rule, String phrase) {
    List<PhraseTokens.Token> words = phrase == null ? List.of() : PhraseTokens.of(phrase);
    if (words.isEmpty() || words.size() > MAX_PHRASE_WORDS) {
      throw new IllegalArgumentException("rule '" + rule.signal() + "': phrase '" + phrase
          + "' must have between 1 and " + MAX_PHRASE_WORDS + " words");
    }
    Node node = root;
    for (PhraseTokens.Token word : words) {
      node = node.next.computeIfAbsent(word.key(), k -> new Node());
    }
    if (!node.rules.contains(rule)) {
      node.rules.add(rule);
    }
  }

  private static final class Node {
    final Map<String, Node> next = new HashMap<>();
    final List<Rule> rules = new ArrayList<>(1);
  }

  /** The shipped rules, read once from the classpath. */
  private static final class Defaults {
    static final UrgencyRules RULES = load();

    private static UrgencyRules load() {
      try (InputStream in = UrgencyRules.class.getResourceAsStream(DEFAULTS)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + DEFAULTS);
        }
        Map<String, Object> json = VocJson.mapper().readValue(in, new TypeReference<>() {});
        List<RuleSpec> specs = VocJson.mapper().convertValue(json.get("rules"), new TypeReference<>() {});
        double cut = ((Number) json.get("strongNegative")).doubleValue();
        return new UrgencyRules(List.of(), cut).with(specs, true, null);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + DEFAULTS, e);
      }
    }
  }
}
