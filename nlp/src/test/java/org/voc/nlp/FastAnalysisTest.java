package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.models.SoftmaxHead;
import org.voc.models.TextEncoder;

/**
 * The transformer-only analysis ({@link AnalysisPipeline#FAST}) with the real CoreNLP splitter, a
 * fake encoder ("bad" and "good" on their own axes) and a hand-set sentiment head.
 */
class FastAnalysisTest {

  private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
  private static final Taxonomy TAXONOMY = new Taxonomy(
      List.of(new ThemeDefinition("complaints", "bad things", List.of("so bad"))),
      List.of(new BrandDefinition("acme", List.of("Acme"), null, true),
          new BrandDefinition("globex", List.of("Globex"), null, false)));

  private static CoreNlpPipeline pipeline;

  @BeforeAll
  static void loadPipeline() {
    pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
  }

  /** Axis 0 ("bad") is negative, axis 1 ("good") positive, axis 2 neutral. */
  private static SoftmaxHead head() {
    return new SoftmaxHead(List.of("negative", "positive", "neutral"), "fake",
        new float[][] {{5, 0, 0}, {0, 5, 0}, {0, 0, 5}}, new float[] {0, 0, 0}, 1.0, null);
  }

  private static DocumentAnalyzer fast(TextEncoder encoder) {
    var detector = new ThemeDetector(encoder, new ThemeDetector.Calibration(-6, 5, 3, 0.5), null);
    DocumentAnalyzer analyzer = DocumentAnalyzer.fast(pipeline, new TransformerSentiment(encoder, head(), "t"),
        detector, AnalyzerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    analyzer.setTaxonomy(TAXONOMY);
    return analyzer;
  }

  @Test
  void fastPathGivesSentenceSentimentThemesBrandsAndAVectorFromOneEncoderPassWithoutParsing() {
    var encoder = new TransformerAndEnsembleSentimentTest.FakeEncoder();
    DocumentAnalyzer analyzer = fast(encoder);
    analyzer.analyzeText("Warm-up: the theme's examples are embedded once."); // caches the theme vectors
    encoder.calls.set(0);

    AnalyzedDocument analyzed = analyzer.analyzeForIndex(Document.of("t", "1", DocumentKind.POST,
        "Acme is good. Delivery was so bad. Globex was bad too.", NOW));
    Analysis analysis = analyzed.analysis();

    assertThat(encoder.calls.get()).as("encoder passes for the document").isEqualTo(1);
    assertThat(analysis.sentences()).extracting(SentenceAnalysis::text)
        .containsExactly("Acme is good.", "Delivery was so bad.", "Globex was bad too.");
    assertThat(analysis.sentences()).extracting(s -> s.sentiment().label())
        .containsExactly(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE, SentimentLabel.NEGATIVE);
    assertThat(analysis.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);

    assertThat(analysis.themes()).singleElement().satisfies(theme -> {
      assertThat(theme.name()).isEqualTo("complaints");
      assertThat(theme.evidence()).containsExactly(new TextSpan(14, 34, "Delivery was so bad."));
      assertThat(theme.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    });
    // Each brand gets the sentiment of the sentence that names it.
    assertThat(analysis.brands()).extracting(BrandMention::name).containsExactly("acme", "globex");
    assertThat(analysis.brands()).extracting(b -> b.sentiment().label())
        .containsExactly(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE);
    assertThat(analysis.brands().get(0).sentiment()).isEqualTo(analysis.sentences().get(0).sentiment());

    // The document vector is the length-weighted mean of the same sentence vectors, normalized.
    float[] expected = DocumentAnalyzer.weightedMean(
        new float[][] {{0, 1, 0}, {1, 0, 0}, {1, 0, 0}}, List.of(13, 20, 19));
    assertThat(analyzed.embedding()).containsExactly(expected);

    // What needs the parse is left out, and the analysis says which path made it.
    assertThat(analysis.aspects()).isEmpty();
    assertThat(analysis.keyPhrases()).isEmpty();
    assertThat(analysis.modelVersions()).containsEntry("pipeline", "fast").containsEntry("transformer", "t")
        .containsKey("corenlp").doesNotContainKeys("pos", "parser", "sentiment");
    assertThat(analyzed.stageTimes()).containsKeys(AnalysisStage.PARSE, AnalysisStage.SENTIMENT,
        AnalysisStage.INSIGHTS, AnalysisStage.VECTOR);
    assertThat(analyzer.pipeline()).isEqualTo(AnalysisPipeline.FAST);
  }

  @Test
  void documentsAnalyzedTogetherShareOneEncoderPassAndGetWhatEachGetsAlone() {
    var encoder = new TransformerAndEnsembleSentimentTest.FakeEncoder();
    DocumentAnalyzer analyzer = fast(encoder);
    analyzer.analyzeText("Warm-up: the theme's examples are embedded once.");
    List<Document> docs = List.of(
        Document.of("t", "1", DocumentKind.POST, "Acme is good. Delivery was so bad.", NOW),
        Document.of("t", "2", DocumentKind.REVIEW, "  ", NOW),
        Document.of("t", "3", DocumentKind.TICKET, "URGENT: my account was hacked and it is bad.", NOW),
        Document.of("t", "4", DocumentKind.POST, "Globex was fine. Nothing else. It was good!", NOW));
    List<AnalyzedDocument> alone = docs.stream().map(analyzer::analyzeForIndex).toList();
    encoder.calls.set(0);

    List<AnalyzedDocument> together = analyzer.forIndex().applyAll(docs);

    assertThat(encoder.calls.get()).as("encoder passes for four documents").isEqualTo(1);
    assertThat(together).hasSize(4);
    for (int i = 0; i < docs.size(); i++) {
      assertThat(together.get(i).analysis()).as("document %d", i).isEqualTo(alone.get(i).analysis());
      assertThat(together.get(i).embedding()).isEqualTo(alone.get(i).embedding());
    }
    assertThat(together.get(2).analysis().urgency()).isNotNull();
    assertThat(together.get(0).stageTimes()).containsKeys(AnalysisStage.PARSE, AnalysisStage.SENTIMENT);
    assertThat(analyzer.forIndex().apply(docs.get(0)).analysis()).isEqualTo(alone.get(0).analysis());
  }

  @Test
  void theFastPathNeedsOnlyCoreNlpsSplitterAndTheFullOneRefusesIt() {
    CoreNlpPipeline splitter = CoreNlpPipeline.loadSplitter(CoreNlpSettings.defaults());
    var encoder = new TransformerAndEnsembleSentimentTest.FakeEncoder();
    var detector = new ThemeDetector(encoder, new ThemeDetector.Calibration(-6, 5, 3, 0.5), null);
    DocumentAnalyzer onSplitter = DocumentAnalyzer.fast(splitter, new TransformerSentiment(encoder, head(), "t"),
        detector, AnalyzerSettings.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
    onSplitter.setTaxonomy(TAXONOMY);
    Document doc = Document.of("t", "1", DocumentKind.POST, "Acme is good. Delivery was so bad. Thanks!", NOW);

    assertThat(onSplitter.analyze(doc)).isEqualTo(fast(encoder).analyze(doc));
    assertThat(splitter.parses()).isFalse();
    assertThat(splitter.modelVersions()).containsOnlyKeys("corenlp");
    assertThatThrownBy(() -> new DocumentAnalyzer(splitter, new TransformerSentiment(encoder, head(), "t"),
        AnalyzerSettings.defaults(), Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only splits");
  }

  @Test
  void aBrandComparedAgainstGetsTheOppositeOfItsSentence() {
    Analysis analysis = fast(new TransformerAndEnsembleSentimentTest.FakeEncoder())
        .analyzeText("Acme is good, unlike Globex.");
    assertThat(analysis.brands()).extracting(b -> b.sentiment().label())
        .containsExactly(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE);
  }

  @Test
  void fastTicketsStillGetUrgencyAndEmptyTextsAnEmptyAnalysis() {
    DocumentAnalyzer analyzer = fast(new TransformerAndEnsembleSentimentTest.FakeEncoder());
    Analysis ticket = analyzer.analyze(Document.of("t", "2", DocumentKind.TICKET,
        "URGENT: my account was hacked and it is bad.", NOW));
    assertThat(ticket.urgency()).isNotNull();
    assertThat(analyzer.analyzeText("   ").sentences()).isEmpty();
  }

  @Test
  void themeDetectorOnAnotherEncoderIsRefused() {
    var fake = new TransformerAndEnsembleSentimentTest.FakeEncoder();
    TextEncoder other = new TextEncoder() {
      @Override
      public String name() {
        return "other";
      }

      @Override
      public int dimension() {
        return fake.dimension();
      }

      @Override
      public float[][] embed(List<String> texts) {
        return fake.embed(texts);
      }

      @Override
      public void close() {}
    };
    var detector = new ThemeDetector(other, ThemeDetector.Calibration.shipped(), null);
    assertThatThrownBy(() -> DocumentAnalyzer.fast(pipeline,
        new TransformerSentiment(new TransformerAndEnsembleSentimentTest.FakeEncoder(), head(), "t"), detector,
        AnalyzerSettings.defaults(), Clock.systemUTC()))
        .hasMessageContaining("other");
  }

  @Test
  void pipelineNamesParseBothWaysAndNothingElse() {
    assertThat(AnalysisPipeline.parse("fast")).contains(AnalysisPipeline.FAST);
    assertThat(AnalysisPipeline.parse("full")).contains(AnalysisPipeline.FULL);
    assertThat(AnalysisPipeline.parse("quick")).isEmpty();
  }
}
