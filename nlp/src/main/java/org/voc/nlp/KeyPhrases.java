package org.voc.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Key phrases of a text: its base noun phrases (noun phrases with no noun phrase inside, such as
 * "the battery life" in "the battery life of this phone"), without leading determiners and
 * pronouns, lowercased, most frequent first.
 */
final class KeyPhrases {

  /** Longer base noun phrases are usually a mis-parse or a list, not a topic. */
  private static final int MAX_WORDS = 5;

  /** Tags stripped from the start of a phrase: "the", "this", "my", "all" say nothing on topic. */
  private static final Set<String> LEADING_TAGS =
      Set.of("DT", "PDT", "PRP", "PRP$", "WDT", "WP", "WP$", "EX", "POS");

  /** Punctuation tags, stripped from both ends. */
  private static final Set<String> PUNCTUATION_TAGS =
      Set.of(",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP", "#", "$", "SYM", "POS");

  private static final Set<String> STOPWORDS =
      Set.of(
          ("a an the this that these those i me my we us our you your he him his she her it its"
                  + " they them their what which who whom there here all any each every some no"
                  + " none more most much many other another such same own one ones thing things"
                  + " something anything everything nothing someone anyone everyone lot lots bit"
                  + " way kind sort stuff time times etc s t")
              .split(" "));

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private KeyPhrases() {}

  /** Up to {@code max} key phrases of {@code parsed}, by frequency, then first occurrence. */
  static List<String> extract(ParsedText parsed, int max) {
    List<String> occurrences = new ArrayList<>();
    for (CoreMap sentence : parsed.coreNlpSentences()) {
      Tree tree = sentence.get(TreeCoreAnnotations.TreeAnnotation.class);
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      if (tree == null || tree.getLeaves().size() != tokens.size()) {
        continue;
      }
      List<int[]> spans = new ArrayList<>();
      baseNounPhrases(tree, 0, spans);
      for (int[] span : spans) {
        String phrase = phrase(parsed.text(), tokens, span[0], span[1]);
        if (phrase != null) {
          occurrences.add(phrase);
        }
      }
    }
    return rank(occurrences, max);
  }

  /** The distinct {@code phrases}, most frequent first, ties in order of first occurrence. */
  static List<String> rank(List<String> phrases, int max) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    phrases.forEach(phrase -> counts.merge(phrase, 1, Integer::sum));
    // The sort is stable, so equal counts keep the map's first-occurrence order.
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
        .limit(max)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * Adds the leaf span [first, end) of each base NP under {@code node}, whose first leaf is number
   * {@code first}; returns the number of the leaf after the node.
   */
  private static int baseNounPhrases(Tree node, int first, List<int[]> spans) {
    if (node.isLeaf()) {
      return first + 1;
    }
    int next = first;
    for (Tree child : node.children()) {
      next = baseNounPhrases(child, next, spans);
    }
    if (isNounPhrase(node) && !hasNounPhraseBelow(node)) {
      spans.add(new int[] {first, next});
    }
    return next;
  }

  private static boolean hasNounPhraseBelow(Tree node) {
    for (Tree child : node.children()) {
      if (isNounPhrase(child) || (!child.isLeaf() && hasNounPhraseBelow(child))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNounPhrase(Tree node) {
    return !node.isLeaf() && "NP".equals(node.value());
  }

  /** The phrase for tokens [first, end), trimmed, or null when nothing worth showing is left. */
  private static String phrase(String text, List<CoreLabel> tokens, int first, int end) {
    while (first < end
        && (LEADING_TAGS.contains(tag(tokens, first)) || isPunctuation(tokens, first))) {
      first++;
    }
    while (end > first && isPunctuation(tokens, end - 1)) {
      end--;
    }
    if (end == first || end - first > MAX_WORDS) {
      return null;
    }
    String raw =
        text.substring(tokens.get(first).beginPosition(), tokens.get(end - 1).endPosition());
    String phrase = WHITESPACE.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll(" ");
    return isWorthShowing(phrase) ? phrase : null;
  }

  private static boolean isWorthShowing(String phrase) {
    if (phrase.length() < 2 || phrase.codePoints().noneMatch(Character::isLetter)) {
      return false;
    }
    for (String word : phrase.split(" ")) {
      if (!STOPWORDS.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static String tag(List<CoreLabel> tokens, int i) {
    String tag = tokens.get(i).tag();
    return tag == null ? "" : tag;
  }

  private static boolean isPunctuation(List<CoreLabel> tokens, int i) {
    return PUNCTUATION_TAGS.contains(tag(tokens, i));
  }
}
