package org.voc.eval.aspects;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.voc.eval.sentiment.ConfusionMatrix;
import org.voc.models.CoreNlpPipeline;
import org.voc.nlp.AspectExtractor;
import org.voc.nlp.AspectMention;
import org.voc.nlp.AspectSpans;
import org.voc.nlp.ConfidentTargets;
import org.voc.nlp.ParsedText;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TargetSentimentModel;

/**
 * Measures aspects the way DESIGN.md's evaluation contract says: the target model's polarity of
 * every gold aspect (accuracy, macro F1 over the three labels), and the extractor's terms against
 * each sentence's gold set (exact-span precision, recall, F1). Each sentence is parsed and
 * extracted as the analyzer would do it for a one-sentence document.
 */
public final class AspectEvaluation {

  private static final int CHUNK = 64;
  private static final int MAX_SENTENCES = 1000;

  private AspectEvaluation() {}

  public static Map<String, Object> run(List<AspectFile.AspectSentence> sentences,
      CoreNlpPipeline pipeline, AspectExtractor extractor, TargetSentimentModel targets,
      LongConsumer progress) {
    ConfusionMatrix polarity = new ConfusionMatrix(List.of(SentimentLabel.values()));
    ExtractionScores extraction = new ExtractionScores();
    long start = System.nanoTime();
    long fallbacksBefore = targets instanceof ConfidentTargets confident ? confident.fallbacks() : 0;
    for (int from = 0; from < sentences.size(); from += CHUNK) {
      List<AspectFile.AspectSentence> chunk =
          sentences.subList(from, Math.min(sentences.size(), from + CHUNK));
      scorePolarity(chunk, targets, polarity);
      for (AspectFile.AspectSentence sentence : chunk) {
        ParsedText parsed = AspectExtractor.parse(pipeline, sentence.text(), MAX_SENTENCES);
        List<AspectSpans.Span> found = new ArrayList<>();
        for (AspectMention mention : extractor.extract(parsed)) {
          found.add(new AspectSpans.Span(mention.start(), mention.end()));
        }
        extraction.add(found, ExtractionScores.spans(sentence));
      }
      progress.accept(chunk.size());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("task", "aspects");
    result.put("model", targets.name());
    result.put("n_sentences", sentences.size());
    result.put("n_aspects", polarity.total());
    result.put("polarity_accuracy", round(polarity.accuracy()));
    result.put("polarity_macro_f1", round(polarity.macroF1()));
    result.put("extraction_precision", round(extraction.precision()));
    result.put("extraction_recall", round(extraction.recall()));
    result.put("extraction_f1", round(extraction.f1()));
    result.put("n_found", extraction.found());
    if (targets instanceof ConfidentTargets confident) {
      // Targets the target model was unsure of, which took their sentence's sentiment.
      result.put("polarity_sentence_fallbacks", confident.fallbacks() - fallbacksBefore);
    }
    result.put("polarity_confusion", polarity.asMap());
    result.put("sentences_per_second", Math.round(sentences.size() / Math.max(seconds, 1e-9) * 10) / 10.0);
    result.put("seconds", Math.round(seconds * 100) / 100.0);
    return result;
  }

  private static void scorePolarity(List<AspectFile.AspectSentence> chunk,
      TargetSentimentModel targets, ConfusionMatrix polarity) {
    List<TargetSentimentModel.Target> gold = new ArrayList<>();
    List<SentimentLabel> labels = new ArrayList<>();
    for (AspectFile.AspectSentence sentence : chunk) {
      for (AspectFile.GoldAspect aspect : sentence.aspects()) {
        gold.add(TargetSentimentModel.Target.at(sentence.text(), aspect.from(), aspect.to()));
        labels.add(aspect.label());
      }
    }
    List<Sentiment> scored = targets.score(gold);
    for (int i = 0; i < gold.size(); i++) {
      polarity.add(labels.get(i), scored.get(i).label());
    }
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
