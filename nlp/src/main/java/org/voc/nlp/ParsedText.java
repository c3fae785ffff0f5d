package org.voc.nlp;

import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Runs {@code encoder} once over the sentences of all {@code texts} (one length-sorted set of
   * batches instead of one small set per text) and leaves each text's share in its cache, where
   * {@link #sentenceEmbeddings} and {@link #sentenceEncoding} find it. Texts that already hold this
   * encoder's output are left out.
   */
  public static void encodeTogether(List<ParsedText> texts, TextEncoder encoder) {
    boolean encodes = encodes(encoder);
    List<ParsedText> todo = texts.stream()
        .filter(t -> !(encodes ? t.encodings : t.embeddings).containsKey(encoder.name()))
        .toList();
    List<String> sentences = new ArrayList<>();
    for (ParsedText text : todo) {
      sentences.addAll(text.sentenceTexts());
    }
    if (sentences.isEmpty()) {
      return;
    }
    if (encodes) {
      OnnxTextEncoder.Encoded all = ((OnnxTextEncoder) encoder).encode(sentences);
      int from = 0;
      for (ParsedText text : todo) {
        int to = from + text.sentences.size();
        text.encodings.putIfAbsent(encoder.name(), all.slice(from, to));
        from = to;
      }
    } else {
      float[][] all = encoder.embed(sentences);
      int from = 0;
      for (ParsedText text : todo) {
        int to = from + text.sentences.size();
        text.embeddings.putIfAbsent(encoder.name(), Arrays.copyOfRange(all, from, to));
        from = to;
      }
    }
  }

  /** Whether {@code encoder}'s pass also gives tapped states or logits, kept as an {@link OnnxTextEncoder.Encoded}. */
  private static boolean encodes(TextEncoder encoder) {
    return encoder instanceof OnnxTextEncoder onnx && (onnx.tapLayer() >= 0 || onnx.tunedTop().isPresent());
  }

  /** The sentences' vectors from {@code encoder}, computed on first use and then reused. */
  public float[][] sentenceEmbeddings(TextEncoder encoder) {
    if (encodes(encoder)) {
      // the same pass gives the tapped states or the tuned top's logits
      return sentenceEncoding((OnnxTextEncoder) encoder).vectors();
    }
    return embeddings.computeIfAbsent(encoder.name(), name -> encoder.embed(sentenceTexts()));
  }

  /** The sentences' vectors and tapped hidden states from {@code encoder}, computed once. */
  public OnnxTextEncoder.Encoded sentenceEncoding(OnnxTextEncoder encoder) {
    return encodings.computeIfAbsent(encoder.name(), name -> encoder.encode(sentenceTexts()));
  }
}
