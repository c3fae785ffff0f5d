package org.voc.nlp;

import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.TextEncoder;

/**
 * A cleaned text split into the sentences that are analyzed. CoreNLP splits for every sentiment
 * model; engines that only need words read {@link #sentences()}, while CoreNLP's own sentiment and
 * the key phrases read the parse in {@link #coreNlpSentences()} rather than parsing again.
 *
 * @param text the cleaned text the spans point into
 * @param sentences the analyzed sentences, in order
 * @param coreNlpSentences CoreNLP's annotation of each sentence, parallel to {@code sentences}
 * @param truncated whether text after the last sentence was left out to bound the work
 * @param embeddings sentence vectors computed so far, by encoder name, so that a transformer
 *     sentiment model and the document's search vector share one encoder pass
 * @param encodings the same for encoders that also give an inner layer's hidden states
 */
public record ParsedText(
    String text,
    List<Sentence> sentences,
    List<CoreMap> coreNlpSentences,
    boolean truncated,
    Map<String, float[][]> embeddings,
    Map<String, OnnxTextEncoder.Encoded> encodings) {

  public ParsedText(
      String text, List<Sentence> sentences, List<CoreMap> coreNlpSentences, boolean truncated) {
    this(text, sentences, coreNlpSentences, truncated, new ConcurrentHashMap<>(),
        new ConcurrentHashMap<>());
  }

  public ParsedText {
    sentences = List.copyOf(sentences);
    coreNlpSentences = List.copyOf(coreNlpSentences);
    if (sentences.size() != coreNlpSentences.size()) {
      throw new IllegalArgumentException(
          sentences.size() + " sentences but " + coreNlpSentences.size() + " CoreNLP sentences");
    }
  }

  /** The texts of the sentences, which is all a model that parses nothing needs. */
  public List<String> sentenceTexts() {
    return sentences.stream().map(Sentence::text).toList();
  }

  /** The sentences' vectors from {@code encoder}, computed on first use and then reused. */
  public float[][] sentenceEmbeddings(TextEncoder encoder) {
    if (encoder instanceof OnnxTextEncoder tapped && tapped.tapLayer() >= 0) {
      return sentenceEncoding(tapped).vectors(); // the same pass gives the tapped states
    }
    return embeddings.computeIfAbsent(encoder.name(), name -> encoder.embed(sentenceTexts()));
  }

  /** The sentences' vectors and tapped hidden states from {@code encoder}, computed once. */
  public OnnxTextEncoder.Encoded sentenceEncoding(OnnxTextEncoder encoder) {
    return encodings.computeIfAbsent(encoder.name(), name -> encoder.encode(sentenceTexts()));
  }
}
