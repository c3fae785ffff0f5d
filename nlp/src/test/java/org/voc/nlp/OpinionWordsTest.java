package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;

/** Runs the real CoreNLP parser, loaded once for the class (a few seconds). */
class OpinionWordsTest {

  private static CoreNlpPipeline pipeline;

  @BeforeAll
  static void loadPipeline() {
    pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
  }

  @Test
  void anAdjectivalPredicateAndAVerbPhraseAreTheOpinionsOfTheirSubjects() {
    String text = "The battery life is great but shipping took three weeks.";

    assertThat(opinions(text, "battery life")).containsExactly("great");
    assertThat(opinions(text, "shipping")).containsExactly("took three weeks");
  }

  @Test
  void anAdjectiveBeforeTheTermIsItsOpinion() {
    assertThat(opinions("They have really great sushi here.", "sushi")).containsExactly("really great");
  }

  @Test
  void theVerbOfAnObjectIsItsOpinionUnlessTheVerbSaysNothing() {
    assertThat(opinions("I loved the pasta.", "pasta")).containsExactly("loved");
    assertThat(opinions("We had the pasta.", "pasta")).isEmpty();
  }

  @Test
  void aCopulaIsNoOpinionButWhatFollowsItIs() {
    assertThat(opinions("Their tuna tartar is to die for.", "tuna tartar")).containsExactly("die for");
  }

  @Test
  void negationAndDegreeStayWithThePredicate() {
    assertThat(opinions("The food was not very good.", "food")).containsExactly("not very good");
  }

  @Test
  void aTermJoinedByAndSharesTheOpinionOfTheFirst() {
    String text = "The pizza and the pasta were delicious.";

    assertThat(opinions(text, "pizza")).containsExactly("delicious");
    assertThat(opinions(text, "pasta")).containsExactly("delicious");
  }

  @Test
  void spansPointIntoTheTextInLaterSentencesToo() {
    String text = "Hello there. The staff was rude.";
    ParsedText parsed = AspectExtractor.parse(pipeline, text, 10);
    int start = text.indexOf("staff");

    List<TextSpan> spans = OpinionWords.of(parsed.coreNlpSentences().get(1)).about(text, start, start + 5);

    assertThat(spans).containsExactly(new TextSpan(text.indexOf("rude"), text.indexOf("rude") + 4, "rude"));
  }

  private static List<String> opinions(String text, String term) {
    ParsedText parsed = AspectExtractor.parse(pipeline, text, 10);
    int start = text.indexOf(term);
    return OpinionWords.of(parsed.coreNlpSentences().get(0)).about(text, start, start + term.length())
        .stream().map(TextSpan::text).toList();
  }
}
