package org.voc.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voc.models.SoftmaxHead;

/**
 * voc's answer: CoreNLP's and the transformer's sentence probabilities combined by a small softmax
 * layer (stacking) learned on a dev split, never on a test split. Each sentence keeps both models'
 * own outputs beside the combined one.
 */
public final class EnsembleSentiment implements SentimentModel {

  public static final String NAME = "ensemble";

  private final CoreNlpSentiment coreNlp;
  private final TransformerSentiment transformer;
  private final SoftmaxHead stacker;
  private final String version;
  private final int[] order;

  public EnsembleSentiment(CoreNlpSentiment coreNlp, TransformerSentiment transformer, SoftmaxHead stacker,
      String version) {
    if (stacker.dimension() != FEATURES) {
      throw new IllegalArgumentException("ensemble head expects " + stacker.dimension() + " features, not " + FEATURES);
    }
    this.coreNlp = coreNlp;
    this.transformer = transformer;
    this.stacker = stacker;
    this.version = version;
    this.order = new int[3];
    for (int i = 0; i < 3; i++) {
      order[i] = stacker.classes().indexOf(TransformerSentiment.CLASSES.get(i));
    }
  }

  /** How many features {@link #features} makes. */
  public static final int FEATURES = 6;

  /** The stacker's input: both models' log-probabilities (floored, so zeros stay finite). */
  public static float[] features(Sentiment.Probabilities coreNlp, Sentiment.Probabilities transformer) {
    return new float[] {
      log(coreNlp.negative()), log(coreNlp.neutral()), log(coreNlp.positive()),
      log(transformer.negative()), log(transformer.neutral()), log(transformer.positive())
    };
  }

  private static float log(double p) {
    return (float) Math.log(Math.max(p, 1e-6));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return version;
  }

  public TransformerSentiment transformer() {
    return transformer;
  }

  @Override
  public List<Sentiment> score(ParsedText text) {
    List<Sentiment> fromCoreNlp = coreNlp.score(text);
    List<Sentiment> fromTransformer = transformer.score(text);
    List<Sentiment> result = new ArrayList<>(fromCoreNlp.size());
    for (int i = 0; i < fromCoreNlp.size(); i++) {
      result.add(combine(fromCoreNlp.get(i), fromTransformer.get(i)));
    }
    return result;
  }

  Sentiment combine(Sentiment coreNlpSentiment, Sentiment transformerSentiment) {
    float[] p = stacker.probabilities(features(coreNlpSentiment.probabilities(), transformerSentiment.probabilities()));
    var three = new Sentiment.Probabilities(p[order[0]], p[order[1]], p[order[2]]);
    Map<String, Double> own = new LinkedHashMap<>();
    own.put("negative", three.negative());
    own.put("neutral", three.neutral());
    own.put("positive", three.positive());
    List<Sentiment.ModelOutput> outputs = new ArrayList<>(coreNlpSentiment.models());
    outputs.addAll(transformerSentiment.models());
    outputs.add(new Sentiment.ModelOutput(NAME, version, three.argmax().wireName(), own));
    return Sentiment.fromProbabilities(three, outputs);
  }
}
