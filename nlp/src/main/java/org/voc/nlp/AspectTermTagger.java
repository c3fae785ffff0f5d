package org.voc.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.TokenTagger;

/**
 * Finds aspect terms ("battery life", "sushi") in sentences: a {@link TokenTagger} tags each
 * wordpiece B, I or O from the encoder's tapped hidden states, and {@link AspectSpans} turns the
 * tags into whole-word character spans. The shipped tagger ({@link #SHIPPED}) is trained by
 * {@code ./voc train aspects}.
 */
public final class AspectTermTagger {

  public static final String SHIPPED = "org/voc/nlp/aspects/aspect-tagger.json";

  private final TokenTagger tagger;

  public AspectTermTagger(TokenTagger tagger) {
    if (!tagger.classes().equals(AspectSpans.TAGS)) {
      throw new IllegalArgumentException("an aspect tagger has the classes " + AspectSpans.TAGS
          + ", not " + tagger.classes());
    }
    this.tagger = tagger;
  }

  /** The tagger voc ships. */
  public static AspectTermTagger shipped() {
    try (InputStream in = AspectTermTagger.class.getClassLoader().getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IOException("no classpath resource " + SHIPPED);
      }
      return new AspectTermTagger(TokenTagger.load(in, SHIPPED));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the shipped aspect tagger", e);
    }
  }

  /** What a tagger over {@code encoder}'s tapped states is called in its file. */
  public static String encoderId(OnnxTextEncoder encoder) {
    return encoder.name() + "@" + encoder.tapLayer();
  }

  public TokenTagger model() {
    return tagger;
  }

  /** Fails unless {@code encoder} makes the states this tagger was trained on. */
  public void checkEncoder(OnnxTextEncoder encoder) {
    if (!encoderId(encoder).equals(tagger.encoder())) {
      throw new IllegalArgumentException("the aspect tagger reads " + tagger.encoder()
          + " states, not " + encoderId(encoder));
    }
  }

  /** The terms in each of {@code texts}, encoding them with {@code encoder}. */
  public List<List<AspectSpans.Span>> terms(OnnxTextEncoder encoder, List<String> texts) {
    checkEncoder(encoder);
    OnnxTextEncoder.EncodedWithSpans encoded = encoder.encodeWithSpans(texts);
    return terms(encoded.encoded(), encoded.spans(), texts);
  }

  /** The terms in each of {@code texts}, from their encoding and token spans. */
  public List<List<AspectSpans.Span>> terms(
      OnnxTextEncoder.Encoded encoded, int[][][] tokenSpans, List<String> texts) {
    List<List<AspectSpans.Span>> result = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      float[][] p = tagger.probabilities(encoded.hidden()[i], encoded.tokens()[i]);
      result.add(AspectSpans.decode(tags(p, tokenSpans[i]), tokenSpans[i], texts.get(i)));
    }
    return result;
  }

  /** The best tag sequence over the text's own tokens; [CLS] and [SEP] are O and break no term. */
  private int[] tags(float[][] probabilities, int[][] tokenSpans) {
    List<Integer> words = new ArrayList<>();
    for (int t = 0; t < tokenSpans.length; t++) {
      if (tokenSpans[t][0] >= 0) {
        words.add(t);
      }
    }
    float[][] wordProbabilities = new float[words.size()][];
    for (int w = 0; w < wordProbabilities.length; w++) {
      wordProbabilities[w] = probabilities[words.get(w)];
    }
    int[] decoded = tagger.decode(wordProbabilities);
    int[] tags = new int[tokenSpans.length];
    for (int w = 0; w < decoded.length; w++) {
      tags[words.get(w)] = decoded[w];
    }
    return tags;
  }
}
