package org.voc.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import org.voc.models.CoreNlpPipeline;

/**
 * Splits and parses a cleaned text with CoreNLP, analyzing at most {@code maxChars} characters and
 * {@code maxSentences} sentences so that one huge text cannot hold a worker for minutes.
 */
final class TextParser {

  /** How far back from the character limit a cut looks for a space, so no word is halved. */
  private static final int WORD_BOUNDARY_LOOKBACK = 100;

  private final CoreNlpPipeline pipeline;
  private final int maxChars;
  private final int maxSentences;

  TextParser(CoreNlpPipeline pipeline, int maxChars, int maxSentences) {
    this.pipeline = pipeline;
    this.maxChars = maxChars;
    this.maxSentences = maxSentences;
  }

  ParsedText parse(String text) {
    Split split = splitting(text);
    Annotation annotation = split.annotation();
    annotation.set(CoreAnnotations.SentencesAnnotation.class, split.sentences());
    pipeline.parse(annotation);
    return new ParsedText(text, spans(text, split.sentences()), split.sentences(), split.truncated());
  }

  /**
   * The same sentences as {@link #parse}, tokenized and split but not tagged or parsed: what the
   * transformer-only path reads ({@link AnalysisPipeline#FAST}).
   */
  ParsedText split(String text) {
    Split split = splitting(text);
    return new ParsedText(text, spans(text, split.sentences()), split.sentences(), split.truncated());
  }

  /** The sentences {@link #parse} would analyze, found by the tokenizer and splitter only (cheap). */
  List<Sentence> sentences(String text) {
    return spans(text, splitting(text).sentences());
  }

  private record Split(Annotation annotation, List<CoreMap> sentences, boolean truncated) {}

  private Split splitting(String text) {
    int cut = cutPoint(text, maxChars);
    boolean truncated = !isBlankFrom(text, cut);
    Annotation annotation = pipeline.split(text.substring(0, cut));
    List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
    // The character cut most likely halved the last sentence; a fragment such as "it was not"
    // would be scored as if the customer had said it.
    if (truncated && sentences.size() > 1) {
      sentences = sentences.subList(0, sentences.size() - 1);
    }
    if (sentences.size() > maxSentences) {
      sentences = sentences.subList(0, maxSentences);
      truncated = true;
    }
    return new Split(annotation, new ArrayList<>(sentences), truncated);
  }

  private static List<Sentence> spans(String text, List<CoreMap> sentences) {
    List<Sentence> spans = new ArrayList<>(sentences.size());
    for (CoreMap sentence : sentences) {
      int start = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      spans.add(new Sentence(start, end, text.substring(start, end)));
    }
    return spans;
  }

  /** Where to cut {@code text} to at most {@code max} characters: at a space, never in a pair. */
  static int cutPoint(String text, int max) {
    if (text.length() <= max) {
      return text.length();
    }
    int cut = max;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    for (int i = cut; i > 0 && i >= max - WORD_BOUNDARY_LOOKBACK; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return cut;
  }

  private static boolean isBlankFrom(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
