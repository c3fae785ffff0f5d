package org.voc.models;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts sentences longer than the parser's limit into pieces. Web text has run-on "sentences" of
 * hundreds of tokens with no final punctuation; the parser would give them a flat tree, and the
 * sentiment network would then score a structure it never saw in training. A piece cut at a comma
 * or before a conjunction is usually a clause, which the parser handles well.
 */
final class LongSentences {

  private static final Set<String> CLAUSE_ENDS =
      Set.of(",", ";", ":", "-", "--", "–", "—", "...", "…", "-RRB-", ")");
  private static final Set<String> CLAUSE_STARTS =
      Set.of("and", "but", "or", "so", "because", "then", "although", "though", "while", "which");

  private LongSentences() {}

  /** Replaces every sentence of {@code annotation} longer than {@code maxTokens} by its pieces. */
  static void cut(Annotation annotation, int maxTokens) {
    List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
    if (sentences == null || sentences.stream().allMatch(s -> tokens(s).size() <= maxTokens)) {
      return;
    }
    String text = annotation.get(CoreAnnotations.TextAnnotation.class);
    List<CoreMap> result = new ArrayList<>();
    for (CoreMap sentence : sentences) {
      List<CoreLabel> tokens = tokens(sentence);
      if (tokens.size() <= maxTokens) {
        result.add(sentence);
        continue;
      }
      int tokenBegin = sentence.get(CoreAnnotations.TokenBeginAnnotation.class);
      int from = 0;
      for (int to : pieceEnds(words(tokens), maxTokens)) {
        result.add(piece(text, tokens.subList(from, to), tokenBegin + from));
        from = to;
      }
    }
    renumber(result);
    annotation.set(CoreAnnotations.SentencesAnnotation.class, result);
  }

  /**
   * Where to cut {@code words} so that no piece is longer than {@code max}: the exclusive end of
   * each piece, the last being {@code words.size()}. A cut goes after clause-ending punctuation,
   * else before a conjunction, in the second half of the window; else at the window's end.
   */
  static List<Integer> pieceEnds(List<String> words, int max) {
    List<Integer> ends = new ArrayList<>();
    int start = 0;
    while (words.size() - start > max) {
      int end = cutPoint(words, start, start + max);
      ends.add(end);
      start = end;
    }
    ends.add(words.size());
    return ends;
  }

  private static int cutPoint(List<String> words, int start, int limit) {
    int earliest = start + Math.max(1, (limit - start) / 2);
    for (int end = limit; end >= earliest; end--) {
      if (CLAUSE_ENDS.contains(words.get(end - 1))) {
        return end;
      }
    }
    for (int end = limit; end >= earliest; end--) {
      if (CLAUSE_STARTS.contains(words.get(end).toLowerCase(Locale.ROOT))) {
        return end;
      }
    }
    return limit;
  }

  private static CoreMap piece(String text, List<CoreLabel> tokens, int tokenBegin) {
    int begin = tokens.get(0).beginPosition();
    int end = tokens.get(tokens.size() - 1).endPosition();
    CoreMap sentence = new ArrayCoreMap();
    sentence.set(CoreAnnotations.TextAnnotation.class, text.substring(begin, end));
    sentence.set(CoreAnnotations.CharacterOffsetBeginAnnotation.class, begin);
    sentence.set(CoreAnnotations.CharacterOffsetEndAnnotation.class, end);
    sentence.set(CoreAnnotations.TokensAnnotation.class, new ArrayList<>(tokens));
    sentence.set(CoreAnnotations.TokenBeginAnnotation.class, tokenBegin);
    sentence.set(CoreAnnotations.TokenEndAnnotation.class, tokenBegin + tokens.size());
    return sentence;
  }

  /** Sentence and token indices as ssplit would have set them had it cut there itself. */
  private static void renumber(List<CoreMap> sentences) {
    for (int i = 0; i < sentences.size(); i++) {
      CoreMap sentence = sentences.get(i);
      sentence.set(CoreAnnotations.SentenceIndexAnnotation.class, i);
      List<CoreLabel> tokens = tokens(sentence);
      for (int t = 0; t < tokens.size(); t++) {
        tokens.get(t).set(CoreAnnotations.SentenceIndexAnnotation.class, i);
        tokens.get(t).setIndex(t + 1);
      }
    }
  }

  private static List<CoreLabel> tokens(CoreMap sentence) {
    return sentence.get(CoreAnnotations.TokensAnnotation.class);
  }

  private static List<String> words(List<CoreLabel> tokens) {
    return tokens.stream().map(CoreLabel::word).toList();
  }
}
