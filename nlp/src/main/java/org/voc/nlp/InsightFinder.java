package org.voc.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.voc.models.TextEncoder;

/**
 * What a document is about beyond its overall sentiment: the taxonomy's themes (from {@link
 * ThemeDetector}, per sentence), the configured brands it names (from {@link BrandMatcher}) and the
 * aspect terms it gives opinions on (from an {@link AspectFinder}), each with the sentiment the text
 * expresses toward it, from one batched call of the {@link TargetSentimentModel}.
 */
public final class InsightFinder {

  /** How many of a theme's sentences are kept as evidence and scored for its sentiment. */
  static final int MAX_EVIDENCE = 3;

  /** Finds aspect terms, opinions and polarities in parsed sentences. */
  public interface AspectFinder {
    List<AspectMention> find(ParsedText parsed);
  }

  private final ThemeDetector themes;
  private final TargetSentimentModel targets;
  private final AspectFinder aspects;
  private final AtomicReference<Map.Entry<List<BrandDefinition>, BrandMatcher>> matcher =
      new AtomicReference<>(Map.entry(List.of(), new BrandMatcher(List.of())));

  /**
   * @param themes the theme detector, or null to find no themes
   * @param targets the sentiment toward themes and brands, or null to give each its sentence's
   * @param aspects the aspect finder, or null to find no aspects
   */
  public InsightFinder(ThemeDetector themes, TargetSentimentModel targets, AspectFinder aspects) {
    this.themes = themes;
    this.targets = targets;
    this.aspects = aspects;
  }

  /** The target model's name and version, if it has one. */
  public Map<String, String> modelVersions() {
    return targets == null ? Map.of() : Map.of(targets.name(), targets.version());
  }

  /** The encoder whose sentence vectors theme detection reads, if any. */
  public java.util.Optional<TextEncoder> encoder() {
    return java.util.Optional.ofNullable(themes).map(ThemeDetector::encoder);
  }

  /** Themes, aspects and brands of {@code parsed} under {@code taxonomy}. */
  public Analysis find(Analysis analysis, ParsedText parsed, Taxonomy taxonomy) {
    List<Sentence> sentences = parsed.sentences();
    if (sentences.isEmpty()) {
      return analysis;
    }
    List<TargetSentimentModel.Target> asked = new ArrayList<>();
    List<PendingTheme> pendingThemes = themes == null || taxonomy.themes().isEmpty() ? List.of()
        : detectThemes(parsed, taxonomy.themes(), asked);
    Map<BrandDefinition, List<TextSpan>> mentions = brandMentions(parsed.text(), taxonomy.brands());
    Map<BrandDefinition, List<Integer>> brandTargets = new LinkedHashMap<>();
    Map<Integer, Sentence> brandSentences = new java.util.HashMap<>();
    Map<Sentence, java.util.Set<BrandDefinition>> brandsBySentence = new java.util.HashMap<>();
    mentions.forEach((brand, spans) -> spans.forEach(span -> {
      Sentence sentence = sentenceOf(sentences, span.start());
      if (sentence != null) {
        brandsBySentence.computeIfAbsent(sentence, k -> new java.util.HashSet<>()).add(brand);
      }
    }));
    for (var entry : mentions.entrySet()) {
      List<Integer> indexes = new ArrayList<>();
      for (TextSpan span : entry.getValue()) {
        Sentence sentence = sentenceOf(sentences, span.start());
        if (sentence != null && span.end() <= sentence.end()) {
          int start = span.start() - sentence.start();
          int end = span.end() - sentence.start();
          // With two brands in one sentence, each is judged on its own clause.
          boolean several = targets != null && brandsBySentence.get(sentence).size() > 1;
          brandSentences.put(asked.size(), sentence);
          indexes.add(asked.size());
          asked.add(several ? Clauses.target(sentence.text(), start, end)
              : TargetSentimentModel.Target.at(sentence.text(), start, end));
        }
      }
      brandTargets.put(entry.getKey(), indexes);
    }
    List<Sentiment> scored = asked.isEmpty() ? List.of()
        : targets != null ? targets.score(asked, knownSentences(analysis)) : sentenceSentiments(asked, analysis);
    List<ThemeMatch> themeMatches = new ArrayList<>();
    for (PendingTheme pending : pendingThemes) {
      themeMatches.add(new ThemeMatch(pending.name(), pending.confidence(),
          mean(pending.targets().stream().map(scored::get).toList(), analysis.sentiment()), pending.evidence()));
    }
    themeMatches.sort(Comparator.comparingDouble(ThemeMatch::confidence).reversed());
    scored = compareBrands(asked, scored, brandTargets, brandSentences, analysis);
    List<BrandMention> brandMentions = new ArrayList<>();
    for (var entry : mentions.entrySet()) {
      List<Sentiment> toward = brandTargets.get(entry.getKey()).stream().map(scored::get).toList();
      brandMentions.add(new BrandMention(entry.getKey().name(), entry.getKey().own(), entry.getValue(),
          mean(toward, analysis.sentiment())));
    }
    List<AspectMention> aspectMentions = aspects == null ? List.of() : aspects.find(parsed);
    return analysis.withInsights(themeMatches, aspectMentions, brandMentions);
  }

  /**
   * Applies {@link Comparatives}: a brand mention marked as compared against gets the opposite of
   * the sentiment toward the unmarked brands of its sentence, or, with none, of its sentence's.
   */
  private static List<Sentiment> compareBrands(List<TargetSentimentModel.Target> asked, List<Sentiment> scored,
      Map<BrandDefinition, List<Integer>> brandTargets, Map<Integer, Sentence> sentenceOf, Analysis analysis) {
    List<Integer> brandIndexes = brandTargets.values().stream().flatMap(List::stream).toList();
    List<Sentiment> result = new ArrayList<>(scored);
    for (int i : brandIndexes) {
      TargetSentimentModel.Target target = asked.get(i);
      if (!Comparatives.marked(target.sentence(), target.start())) {
        continue;
      }
      List<Sentiment> anchors = new ArrayList<>();
      for (int j : brandIndexes) {
        TargetSentimentModel.Target other = asked.get(j);
        if (sentenceOf.get(j).equals(sentenceOf.get(i)) && !other.term().equalsIgnoreCase(target.term())
            && !Comparatives.marked(other.sentence(), other.start())) {
          anchors.add(scored.get(j));
        }
      }
      Sentiment anchor = anchors.isEmpty()
          ? sentenceSentiments(List.of(TargetSentimentModel.Target.about(sentenceOf.get(i).text(), "")), analysis)
              .getFirst()
          : SentimentAverage.weighted(anchors, java.util.Collections.nCopies(anchors.size(), 1));
      result.set(i, Comparatives.opposite(anchor));
    }
    return result;
  }

  private record PendingTheme(String name, double confidence, List<TextSpan> evidence, List<Integer> targets) {}

  private List<PendingTheme> detectThemes(ParsedText parsed, List<ThemeDefinition> taxonomy,
      List<TargetSentimentModel.Target> asked) {
    List<Sentence> sentences = parsed.sentences();
    float[][] vectors = parsed.sentenceEmbeddings(themes.encoder());
    ThemeDetector.Scores scores = themes.score(taxonomy, parsed.sentenceTexts(), vectors);
    List<PendingTheme> found = new ArrayList<>();
    for (int t = 0; t < taxonomy.size(); t++) {
      List<Integer> about = new ArrayList<>();
      for (int s = 0; s < sentences.size(); s++) {
        if (scores.about()[s][t]) {
          about.add(s);
        }
      }
      if (about.isEmpty()) {
        continue;
      }
      int theme = t;
      about.sort(Comparator.comparingDouble((Integer s) -> scores.probability()[s][theme]).reversed());
      about = about.subList(0, Math.min(MAX_EVIDENCE, about.size()));
      List<TextSpan> evidence = new ArrayList<>();
      List<Integer> indexes = new ArrayList<>();
      for (int s : about) {
        Sentence sentence = sentences.get(s);
        evidence.add(new TextSpan(sentence.start(), sentence.end(), sentence.text()));
        indexes.add(asked.size());
        asked.add(TargetSentimentModel.Target.about(sentence.text(), taxonomy.get(t).name()));
      }
      found.add(new PendingTheme(taxonomy.get(t).name(), scores.probability()[about.get(0)][t], evidence, indexes));
    }
    return found;
  }

  private Map<BrandDefinition, List<TextSpan>> brandMentions(String text, List<BrandDefinition> brands) {
    Map.Entry<List<BrandDefinition>, BrandMatcher> current = matcher.get();
    if (current.getKey() != brands) { // a taxonomy's lists are immutable: a new list means new brands
      current = Map.entry(brands, new BrandMatcher(brands));
      matcher.set(current);
    }
    Map<BrandDefinition, List<TextSpan>> mentions = new LinkedHashMap<>();
    for (BrandMatcher.Match match : current.getValue().find(text)) {
      mentions.computeIfAbsent(match.brand(), b -> new ArrayList<>())
          .add(TextSpan.of(text, match.start(), match.end()));
    }
    return mentions;
  }

  /** Each target's sentence's own sentiment, for an analyzer without a target model. */
  private static List<Sentiment> sentenceSentiments(List<TargetSentimentModel.Target> asked, Analysis analysis) {
    Map<String, Sentiment> bySentence = knownSentences(analysis);
    return asked.stream().map(t -> bySentence.getOrDefault(t.sentence(), analysis.sentiment())).toList();
  }

  /** The sentiment already found for each sentence of {@code analysis}, by its text (the first, if repeated). */
  private static Map<String, Sentiment> knownSentences(Analysis analysis) {
    Map<String, Sentiment> bySentence = new java.util.HashMap<>();
    for (SentenceAnalysis sentence : analysis.sentences()) {
      bySentence.putIfAbsent(sentence.text(), sentence.sentiment());
    }
    return bySentence;
  }

  private static Sentence sentenceOf(List<Sentence> sentences, int offset) {
    for (Sentence sentence : sentences) {
      if (offset >= sentence.start() && offset < sentence.end()) {
        return sentence;
      }
    }
    return null;
  }

  /** The mean of the sentiments (each weighing the same), or {@code fallback} when there are none. */
  private static Sentiment mean(List<Sentiment> sentiments, Sentiment fallback) {
    if (sentiments.isEmpty()) {
      return fallback;
    }
    return SentimentAverage.weighted(sentiments, java.util.Collections.nCopies(sentiments.size(), 1));
  }
}
