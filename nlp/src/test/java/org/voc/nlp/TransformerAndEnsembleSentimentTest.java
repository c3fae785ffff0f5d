package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;

/** The transformer and ensemble wrappers with a fake encoder and hand-set heads: no models loaded. */
class TransformerAndEnsembleSentimentTest {

  /** Maps "bad" to axis 0, "good" to axis 1, anything else to axis 2; counts its calls. */
  static final class FakeEncoder implements TextEncoder {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public int dimension() {
      return 3;
    }

    @Override
    public float[][] embed(List<String> texts) {
      calls.incrementAndGet();
      return texts.stream().map(t -> t.contains("bad") ? new float[] {1, 0, 0}
          : t.contains("good") ? new float[] {0, 1, 0} : new float[] {0, 0, 1}).toArray(float[][]::new);
    }

    @Override
    public void close() {}
  }

  /** Classes stored in an order other than voc's, to check they are mapped by name. */
  private static SoftmaxHead head() {
    return new SoftmaxHead(List.of("positive", "negative", "neutral"), "fake",
        new float[][] {{0, 5, 0}, {5, 0, 0}, {0, 0, 5}}, new float[] {0, 0, 0}, 1.0, null);
  }

  static ParsedText parsed(String... sentences) {
    List<Sentence> spans = new java.util.ArrayList<>();
    int at = 0;
    StringBuilder text = new StringBuilder();
    for (String sentence : sentences) {
      spans.add(new Sentence(at, at + sentence.length(), sentence));
      text.append(sentence).append(' ');
      at += sentence.length() + 1;
    }
    return new ParsedText(text.toString().strip(), spans, java.util.Collections.nCopies(sentences.length,
        new edu.stanford.nlp.util.ArrayCoreMap()), false);
  }

  @Test
  void transformerMapsHeadClassesByNameAndReportsItsOwnOutput() {
    var sentiment = new TransformerSentiment(new FakeEncoder(), head(), "test");
    List<Sentiment> scores = sentiment.score(parsed("a bad day", "a good day", "a day"));
    assertThat(scores).extracting(Sentiment::label)
        .containsExactly(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE, SentimentLabel.NEUTRAL);
    Sentiment.ModelOutput output = scores.getFirst().models().getFirst();
    assertThat(output.name()).isEqualTo("transformer");
    assertThat(output.probabilities()).containsOnlyKeys("negative", "neutral", "positive");
  }

  @Test
  void sentenceVectorsAreComputedOnceAndShared() {
    FakeEncoder encoder = new FakeEncoder();
    ParsedText text = parsed("bad", "good");
    new TransformerSentiment(encoder, head(), "test").score(text);
    text.sentenceEmbeddings(encoder);
    assertThat(encoder.calls.get()).isEqualTo(1);
  }

  @Test
  void headForAnotherEncoderDimensionIsRefused() {
    SoftmaxHead wide = new SoftmaxHead(List.of("negative", "neutral", "positive"), "x",
        new float[3][5], new float[3], 1.0, null);
    assertThatThrownBy(() -> new TransformerSentiment(new FakeEncoder(), wide, "t"))
        .hasMessageContaining("5-dim");
  }

  @Test
  void ensembleFollowsItsStackerAndKeepsEveryModelsOutput() {
    // A stacker that trusts only the transformer's log-probabilities (features 3 to 5).
    float[][] weights = {
      {0, 0, 0, 1, 0, 0}, {0, 0, 0, 0, 1, 0}, {0, 0, 0, 0, 0, 1}
    };
    SoftmaxHead stacker = new SoftmaxHead(List.of("negative", "neutral", "positive"), "corenlp+fake",
        weights, new float[3], 1.0, null);
    var transformer = new TransformerSentiment(new FakeEncoder(), head(), "t");
    var ensemble = new EnsembleSentiment(CoreNlpSentiment.fromClasspath(), transformer, stacker, "e");
    var coreNlpSaysPositive = Sentiment.fromProbabilities(new Sentiment.Probabilities(0.05, 0.05, 0.9),
        List.of(new Sentiment.ModelOutput("corenlp", "4.5.10", "positive", Map.of())));
    Sentiment combined = ensemble.combine(coreNlpSaysPositive, transformer.scoreVector(new float[] {1, 0, 0}));
    assertThat(combined.label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(combined.models()).extracting(Sentiment.ModelOutput::name)
        .containsExactly("corenlp", "transformer", "ensemble");
    float[] features = EnsembleSentiment.features(new Sentiment.Probabilities(0, 0.5, 0.5),
        coreNlpSaysPositive.probabilities());
    assertThat(features).hasSize(EnsembleSentiment.FEATURES);
    for (float feature : features) {
      assertThat(Float.isFinite(feature)).as("zero probability gives a finite feature").isTrue();
    }
  }
}
