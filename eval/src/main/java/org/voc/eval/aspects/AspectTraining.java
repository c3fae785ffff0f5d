package org.voc.eval.aspects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.eval.regression.Regressions;
import org.voc.models.OnnxTextEncoder;
import org.voc.models.SplitScores;
import org.voc.models.TokenTagger;
import org.voc.models.TokenTaggerTrainer;
import org.voc.nlp.AspectSpans;
import org.voc.nlp.AspectTermTagger;
import org.voc.nlp.ShippedSentiment;
import org.voc.nlp.VocJson;

/**
 * {@code voc train aspects}: encodes the training sentences once with the shipped encoder (layer 9
 * tapped), tags their wordpieces BIO from the gold spans, trains a {@link TokenTagger} on them and
 * reports exact-span extraction scores on the report files (by default the held-out sentences).
 */
public final class AspectTraining {

  private static final Logger LOG = LoggerFactory.getLogger(AspectTraining.class);

  /** The data and options of one training run. */
  public record Recipe(List<Path> data, List<Path> report, TokenTaggerTrainer.Options options) {}

  /** The shipped recipe: SemEval-14 restaurants and laptops train, their held-out parts reported. */
  public static Recipe shipped(Path sharedData, TokenTaggerTrainer.Options options) {
    Path restaurants = sharedData.resolve("absa/semeval14-restaurants-train.jsonl");
    Path laptops = sharedData.resolve("absa/semeval14-laptops-train.jsonl");
    return new Recipe(
        List.of(Path.of(restaurants + "#train"), Path.of(laptops + "#train")),
        List.of(Path.of(restaurants + "#heldout"), Path.of(laptops + "#heldout")),
        options);
  }

  /** The shipped options, seed 42. */
  public static TokenTaggerTrainer.Options shippedOptions(long seed) {
    return new TokenTaggerTrainer.Options(seed, 12, 1e-3, 128, 512, 1, 0.2, 0.05, List.of());
  }

  /** The trained tagger, with its training record, and the scores it reached. */
  public record Result(TokenTagger tagger, Map<String, Object> report) {}

  private AspectTraining() {}

  public static Result run(Recipe recipe) throws IOException {
    List<AspectFile.AspectSentence> sentences = new ArrayList<>();
    for (Path file : recipe.data()) {
      sentences.addAll(AspectFile.read(file));
    }
    try (OnnxTextEncoder encoder = ShippedSentiment.loadEncoder()) {
      long start = System.nanoTime();
      List<String> texts = sentences.stream().map(AspectFile.AspectSentence::text).toList();
      OnnxTextEncoder.EncodedWithSpans encoded = encoder.encodeWithSpans(texts);
      LOG.info("encoded {} training sentences in {} s", texts.size(), (System.nanoTime() - start) / 1_000_000_000);
      int[][] labels = new int[texts.size()][];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = AspectSpans.encode(encoded.spans()[i], ExtractionScores.spans(sentences.get(i)));
      }
      int dimension = encoded.encoded().hidden()[0].length / encoded.encoded().tokens()[0];
      TokenTaggerTrainer.Result trained = new TokenTaggerTrainer(recipe.options()).train(
          encoded.encoded().hidden(), encoded.encoded().tokens(), labels, dimension,
          AspectSpans.TAGS, AspectTermTagger.encoderId(encoder), n -> { });
      AspectTermTagger tagger = new AspectTermTagger(trained.tagger());
      Map<String, Object> scores = new LinkedHashMap<>();
      for (Path file : recipe.report()) {
        scores.put(file.getFileName().toString(), extraction(tagger, encoder, AspectFile.read(file)));
      }
      ObjectNode record = record(recipe, trained, sentences.size(), scores);
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("training", record);
      return new Result(trained.tagger().withTraining(record), report);
    }
  }

  /** Extraction precision, recall and F1 of {@code tagger} on {@code sentences}, tagged alone. */
  static Map<String, Object> extraction(AspectTermTagger tagger, OnnxTextEncoder encoder,
      List<AspectFile.AspectSentence> sentences) {
    List<String> texts = sentences.stream().map(AspectFile.AspectSentence::text).toList();
    List<List<AspectSpans.Span>> found = tagger.terms(encoder, texts);
    ExtractionScores scores = new ExtractionScores();
    for (int i = 0; i < texts.size(); i++) {
      scores.add(found.get(i), ExtractionScores.spans(sentences.get(i)));
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("n_sentences", texts.size());
    result.put("extraction_precision", round(scores.precision()));
    result.put("extraction_recall", round(scores.recall()));
    result.put("extraction_f1", round(scores.f1()));
    return result;
  }

  private static ObjectNode record(Recipe recipe, TokenTaggerTrainer.Result trained, int sentences,
      Map<String, Object> scores) throws IOException {
    ObjectNode node = VocJson.mapper().createObjectNode();
    ArrayNode data = node.putArray("data");
    for (Path file : recipe.data()) {
      ObjectNode entry = data.addObject();
      entry.put("file", file.getFileName().toString());
      entry.put("sha256", Regressions.sha256(AspectFile.fileOf(file)));
    }
    node.put("sentences", sentences);
    node.put("trainingTokens", trained.trainingTokens());
    node.set("options", VocJson.mapper().valueToTree(recipe.options()));
    node.put("bestEpoch", trained.bestEpoch());
    ArrayNode epochs = node.putArray("validationByEpoch");
    for (SplitScores s : trained.validationByEpoch()) {
      epochs.addObject().put("loss", round(s.loss())).put("accuracy", round(s.accuracy()));
    }
    node.set("scores", VocJson.mapper().valueToTree(scores));
    return node;
  }

  public static void save(Result result, Path out) throws IOException {
    Files.createDirectories(out);
    result.tagger().save(out.resolve("aspect-tagger.json"));
  }

  /** Where {@code ../shared/data} is, or a clear error. */
  public static Path sharedData() {
    return Regressions.sharedData().orElseThrow(
        () -> new IllegalArgumentException("../shared/data not found: give --data and --report"));
  }

  static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
