package org.voc.models;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real models; loading them takes a few seconds, so once for the class. */
class CoreNlpPipelineTest {

  private static CoreNlpPipeline pipeline;

  @BeforeAll
  static void load() {
    pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults().withMaxSentenceTokens(20));
  }

  @Test
  void everySentenceGetsAParseAndFiveSentimentProbabilities() {
    Annotation annotation = pipeline.split("I love this phone. The screen is too dim.");
    pipeline.parse(annotation);

    List<CoreMap> sentences = sentences(annotation);
    assertThat(sentences).hasSize(2);
    for (CoreMap sentence : sentences) {
      assertThat(sentence.get(TreeCoreAnnotations.TreeAnnotation.class).value()).isEqualTo("ROOT");
      Tree sentiment = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      assertThat(RNNCoreAnnotations.getPredictions(sentiment).getNumElements()).isEqualTo(5);
    }
  }

  @Test
  void blankLineEndsASentenceButASingleNewlineDoesNot() {
    Annotation annotation = pipeline.split("Works well\nfor me\n\nShips fast");
    assertThat(sentences(annotation))
        .extracting(s -> s.get(CoreAnnotations.TextAnnotation.class))
        .containsExactly("Works well\nfor me", "Ships fast");
  }

  @Test
  void overLongSentenceIsCutIntoParsedPiecesWithOffsetsIntoTheText() {
    String text =
        "the delivery was late and the box was damaged, the manual was missing and the charger"
            + " did not fit the socket so I called support but nobody answered the phone for two"
            + " hours which was annoying";
    Annotation annotation = pipeline.split(text);
    pipeline.parse(annotation);

    List<CoreMap> pieces = sentences(annotation);
    assertThat(pieces).hasSizeGreaterThan(1);
    for (int i = 0; i < pieces.size(); i++) {
      CoreMap piece = pieces.get(i);
      int begin = piece.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = piece.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      assertThat(piece.get(CoreAnnotations.TokensAnnotation.class)).hasSizeLessThanOrEqualTo(20);
      assertThat(piece.get(CoreAnnotations.SentenceIndexAnnotation.class)).isEqualTo(i);
      assertThat(piece.get(CoreAnnotations.TextAnnotation.class))
          .isEqualTo(text.substring(begin, end));
      assertThat(piece.get(TreeCoreAnnotations.TreeAnnotation.class).value()).isEqualTo("ROOT");
    }
    assertThat(pieces.get(0).get(CoreAnnotations.TextAnnotation.class)).startsWith("the delivery");
  }

  @Test
  void modelVersionsNameTheReleaseAndModelFiles() {
    assertThat(pipeline.modelVersions())
        .containsEntry("corenlp", "4.5.10")
        .containsEntry("parser", "englishSR.ser.gz")
        .containsEntry("sentiment", "sentiment.ser.gz");
  }

  private static List<CoreMap> sentences(Annotation annotation) {
    return annotation.get(CoreAnnotations.SentencesAnnotation.class);
  }
}
