package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;

/** Runs the real CoreNLP models, loaded once for the class (a few seconds). */
class DocumentAnalyzerTest {

  private static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

  private static CoreNlpPipeline pipeline;
  private static DocumentAnalyzer analyzer;

  @BeforeAll
  static void loadPipeline() {
    pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
    analyzer = analyzer(AnalyzerSettings.defaults());
  }

  private static DocumentAnalyzer analyzer(AnalyzerSettings settings) {
    return DocumentAnalyzer.withCoreNlpSentiment(
        pipeline, settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void complaintIsNegative() {
    Analysis analysis =
        analyzer.analyzeText("The app crashes every time I log in. Very frustrating.");

    assertThat(analysis.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
    assertThat(analysis.sentiment().score()).isNegative();
    assertThat(analysis.sentences()).hasSize(2);
  }

  @Test
  void praiseIsPositive() {
    Analysis analysis = analyzer.analyzeText("I love this product, it works great.");

    assertThat(analysis.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);
    assertThat(analysis.sentiment().score()).isPositive();
  }

  @Test
  void documentSentimentCarriesCoreNlpsAveragedFiveClassOutput() {
    Analysis analysis = analyzer.analyzeText("I love this product, it works great.");

    Sentiment.ModelOutput output = analysis.sentiment().models().get(0);
    assertThat(output.name()).isEqualTo("corenlp");
    assertThat(output.probabilities()).containsOnlyKeys(CoreNlpSentiment.CLASSES);
    assertThat(output.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(1.0, within(1e-6));
    assertThat(output.label()).isIn("positive", "very_positive");
  }

  @Test
  void sentenceSpansAreOffsetsIntoTheCleanedText() {
    String html =
        "<p>I love   it &amp; so does my wife 😀.</p><p>Second one is bad!</p>"
            + "   Third 👍🏽 sentence &lt;here&gt;.";

    Analysis analysis = analyzer.analyzeText(html);

    assertThat(analysis.text())
        .isEqualTo(
            "I love it & so does my wife 😀.\n\nSecond one is bad!\n\nThird 👍🏽 sentence <here>.");
    assertThat(analysis.sentences())
        .extracting(SentenceAnalysis::text)
        .containsExactly(
            "I love it & so does my wife 😀.", "Second one is bad!", "Third 👍🏽 sentence <here>.");
    assertSpansMatchText(analysis);
  }

  @Test
  void spansStayExactInPlainTextWithSpacesTabsAndSupplementaryCharacters() {
    Analysis analysis =
        analyzer.analyzeText(
            "𝐁𝐨𝐥𝐝 claims 🤔\tare   odd.  Café “quotes” (and parens) work…  Done!");

    assertThat(analysis.sentences()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(analysis.sentences().get(0).text()).isEqualTo("𝐁𝐨𝐥𝐝 claims 🤔\tare odd.");
    assertSpansMatchText(analysis);
  }

  @Test
  void sentencesOfOppositeSentimentEachGetTheirOwnLabel() {
    Analysis analysis = analyzer.analyzeText("The camera is excellent. The battery is terrible.");

    assertThat(analysis.sentences())
        .extracting(s -> s.sentiment().label())
        .containsExactly(SentimentLabel.POSITIVE, SentimentLabel.NEGATIVE);
    assertThat(analysis.sentences().get(0).sentiment().models())
        .extracting(Sentiment.ModelOutput::name)
        .containsExactly("corenlp");
  }

  @Test
  void htmlIsAnalyzedAsItsText() {
    Analysis analysis =
        analyzer.analyzeText(
            "<div><p>Terrible support.</p><script>alert('great great great')</script></div>");

    assertThat(analysis.text()).isEqualTo("Terrible support.");
    assertThat(analysis.sentences())
        .extracting(SentenceAnalysis::text)
        .containsExactly("Terrible support.");
    assertThat(analysis.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);
  }

  @Test
  void emptyTextIsNeutralWithNoSentences() {
    for (String empty : List.of("", "   \n ", "<script>great</script>")) {
      Analysis analysis = analyzer.analyzeText(empty);

      assertThat(analysis.text()).isEmpty();
      assertThat(analysis.sentences()).isEmpty();
      assertThat(analysis.keyPhrases()).isEmpty();
      assertThat(analysis.sentiment().label()).isEqualTo(SentimentLabel.NEUTRAL);
      assertThat(analysis.sentiment().probabilities())
          .isEqualTo(new Sentiment.Probabilities(0, 1, 0));
      assertThat(analysis.truncated()).isFalse();
    }
  }

  @Test
  void sentenceOfThreeHundredTokensIsCutIntoPiecesWithoutFailing() {
    String text = "the screen is nice and the price is fair and ".repeat(30) + "that is all";

    Analysis analysis = analyzer.analyzeText(text);

    assertThat(analysis.sentences()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(analysis.truncated()).isFalse();
    assertSpansMatchText(analysis);
  }

  @Test
  void oneMebibyteTextIsCutAndMarkedTruncated() {
    String text = "The delivery was quick. ".repeat((1 << 20) / 24 + 1);

    Analysis analysis = analyzer.analyzeText(text);

    assertThat(analysis.truncated()).isTrue();
    assertThat(analysis.text().length()).isGreaterThan(1 << 19);
    assertThat(analysis.sentences()).hasSizeBetween(1, AnalyzerSettings.DEFAULT_MAX_SENTENCES);
    assertThat(analysis.sentences().get(analysis.sentences().size() - 1).end())
        .isLessThanOrEqualTo(AnalyzerSettings.DEFAULT_MAX_CHARS);
    assertSpansMatchText(analysis);
  }

  @Test
  void textCutAtTheCharacterLimitDropsItsHalvedLastSentence() {
    DocumentAnalyzer small = analyzer(new AnalyzerSettings(200, 40, 10));

    Analysis analysis = small.analyzeText("It arrived on time. It was not what I ordered at all.");

    assertThat(analysis.truncated()).isTrue();
    assertThat(analysis.sentences())
        .extracting(SentenceAnalysis::text)
        .containsExactly("It arrived on time.");
  }

  @Test
  void sentencesPastTheLimitAreLeftOutAndMarkedTruncated() {
    DocumentAnalyzer small = analyzer(new AnalyzerSettings(2, 20_000, 10));

    Analysis analysis = small.analyzeText("One is fine. Two is fine. Three is awful.");

    assertThat(analysis.truncated()).isTrue();
    assertThat(analysis.sentences())
        .extracting(SentenceAnalysis::text)
        .containsExactly("One is fine.", "Two is fine.");
  }

  @Test
  void keyPhrasesAreBaseNounPhrasesWithoutDeterminers() {
    Analysis analysis =
        analyzer.analyzeText("The battery life of this phone is great but the screen is too dim.");

    assertThat(analysis.keyPhrases()).contains("battery life", "screen", "phone");
    assertThat(analysis.keyPhrases()).doesNotContain("the screen", "this phone");
  }

  @Test
  void keyPhrasesAreRankedByFrequency() {
    Analysis analysis =
        analyzer.analyzeText(
            "The screen is dim. I returned the charger. The screen also flickers.");

    assertThat(analysis.keyPhrases()).startsWith("screen").contains("charger").doesNotContain("i");
  }

  @Test
  void documentKeepsItsLanguageTagAndItsTitleIsNotAnalyzed() {
    Document doc =
        new Document(
            "r1",
            "shop",
            DocumentKind.REVIEW,
            "Sehr gut.",
            "Awful title",
            null,
            NOW,
            null,
            null,
            null,
            null,
            null,
            "DE",
            null);

    Analysis analysis = analyzer.analyze(doc);

    assertThat(analysis.language()).isEqualTo("de");
    assertThat(analysis.text()).isEqualTo("Sehr gut.");
    assertThat(analyzer.analyzeText("Fine.").language()).isEqualTo("en");
  }

  @Test
  void analysisIsStampedByTheClockAndNamesItsModels() {
    Analysis analysis = analyzer.analyzeText("Fine.");

    assertThat(analysis.analyzedAt()).isEqualTo(NOW);
    assertThat(analysis.modelVersions())
        .containsEntry("corenlp", CoreNlpPipeline.version())
        .containsEntry("parser", "englishSR.ser.gz")
        .containsEntry("sentiment", "sentiment.ser.gz");
  }

  @Test
  void anotherSentimentModelScoresTheSentencesCoreNlpSplit() {
    SentimentModel allNegativeExceptQuestions =
        new SentimentModel() {
          @Override
          public String name() {
            return "fake";
          }

          @Override
          public String version() {
            return "0";
          }

          @Override
          public List<Sentiment> score(ParsedText text) {
            return text.sentenceTexts().stream()
                .map(s -> s.endsWith("?") ? probabilities(0, 0, 1) : probabilities(1, 0, 0))
                .toList();
          }
        };
    DocumentAnalyzer fake =
        new DocumentAnalyzer(
            pipeline,
            allNegativeExceptQuestions,
            AnalyzerSettings.defaults(),
            Clock.fixed(NOW, ZoneOffset.UTC));

    // 11 characters negative, 36 positive: the document leans to the longer sentence.
    Analysis analysis = fake.analyzeText("It is late. Could you tell me when it will ship?");

    assertThat(analysis.sentences())
        .extracting(s -> s.sentiment().label())
        .containsExactly(SentimentLabel.NEGATIVE, SentimentLabel.POSITIVE);
    assertThat(analysis.sentiment().probabilities().positive()).isCloseTo(36.0 / 47, within(1e-9));
    assertThat(analysis.modelVersions()).containsEntry("fake", "0");
  }

  private static Sentiment probabilities(double negative, double neutral, double positive) {
    return Sentiment.fromProbabilities(
        new Sentiment.Probabilities(negative, neutral, positive), List.of());
  }

  @Test
  void fourThreadsGiveTheSameAnalysesAsOne() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      texts.add(
          switch (i % 4) {
            case 0 -> "The app crashes every time I log in. Very frustrating. Attempt " + i + ".";
            case 1 -> "I love this product, it works great. Bought " + i + " of them.";
            case 2 -> "<p>Support answered in " + i + " minutes.</p><p>Not bad at all!</p>";
            default -> "The battery life of this phone is great but the screen is too dim " + i;
          });
    }
    List<Analysis> sequential = texts.stream().map(analyzer::analyzeText).toList();

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Analysis>> futures = new ArrayList<>();
      for (String text : texts) {
        futures.add(pool.submit(() -> analyzer.analyzeText(text)));
      }
      for (int i = 0; i < texts.size(); i++) {
        assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Spans are in order, do not overlap, and cut exactly their sentence out of the text. */
  private static void assertSpansMatchText(Analysis analysis) {
    int previousEnd = 0;
    for (SentenceAnalysis sentence : analysis.sentences()) {
      assertThat(sentence.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(analysis.text().substring(sentence.start(), sentence.end()))
          .isEqualTo(sentence.text());
      assertThat(sentence.text()).isNotBlank().isEqualTo(sentence.text().strip());
      previousEnd = sentence.end();
    }
  }

  @Test
  void onlyTicketsGetAnUrgencyReadAfterSentiment() {
    String text = "Someone took money from my account. Please help.";
    Analysis ticket = analyzer.analyze(Document.of("zendesk", "t-1", DocumentKind.TICKET, text, NOW));
    Analysis review = analyzer.analyze(Document.of("appstore", "r-1", DocumentKind.REVIEW, text, NOW));
    Analysis plain = analyzer.analyzeText(text);

    assertThat(ticket.urgency().level()).isEqualTo("high");
    assertThat(ticket.urgency().reasons())
        .containsExactly(new Urgency.Reason("fraud", "Someone took money from my account"));
    assertThat(review.urgency()).isNull();
    assertThat(plain.urgency()).isNull();
  }

  @Test
  void aTicketsSubjectCountsForItsUrgency() {
    Document ticket = new Document("t-3", "zendesk", DocumentKind.TICKET, "I cannot log in since this morning.",
        "URGENT: my account was hacked", null, NOW, null, null, null, null, null, null, null);

    assertThat(analyzer.analyze(ticket).urgency().reasons()).containsExactly(
        new Urgency.Reason("urgent-wording", "URGENT"), new Urgency.Reason("security", "was hacked"));
  }

  @Test
  void urgencyRulesSetAtRunTimeApplyToLaterTickets() {
    DocumentAnalyzer own = analyzer(AnalyzerSettings.defaults());
    own.setUrgencyRules(UrgencyRules.defaults().with(
        List.of(new UrgencyRules.RuleSpec("vip", "high", List.of("gold member"))), true, null));
    Analysis ticket = own.analyze(Document.of("zendesk", "t-2", DocumentKind.TICKET,
        "As a gold member I noticed fraud on my card.", NOW));

    assertThat(ticket.urgency().reasons()).containsExactly(new Urgency.Reason("vip", "gold member"));
  }

  @Test
  void analysisForTheIndexSaysHowLongEachStageTook() {
    String text = "The app crashes every time I log in. Very frustrating.";
    AnalyzedDocument ticket = analyzer.analyzeForIndex(Document.of("zendesk", "t-4", DocumentKind.TICKET, text, NOW));
    AnalyzedDocument review = analyzer.analyzeForIndex(Document.of("appstore", "r-4", DocumentKind.REVIEW, text, NOW));
    AnalyzedDocument empty = analyzer.analyzeForIndex(Document.of("appstore", "r-5", DocumentKind.REVIEW, " ", NOW));

    assertThat(ticket.stageTimes()).containsOnlyKeys(AnalysisStage.values());
    assertThat(review.stageTimes()).containsOnlyKeys(AnalysisStage.PARSE, AnalysisStage.SENTIMENT,
        AnalysisStage.INSIGHTS, AnalysisStage.VECTOR, AnalysisStage.CLASSIFIERS);
    assertThat(ticket.stageTimes().values()).allSatisfy(d -> assertThat(d.isNegative()).isFalse());
    // CoreNLP's parse and sentiment trees are the real work here: they take time, the rest next to none.
    assertThat(review.stageTimes().get(AnalysisStage.PARSE)).isGreaterThan(java.time.Duration.ZERO);
    assertThat(review.stageTimes().get(AnalysisStage.SENTIMENT)).isGreaterThan(java.time.Duration.ZERO);
    assertThat(empty.stageTimes()).isEmpty();
  }
}
