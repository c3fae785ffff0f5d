package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierTrainerTest {

  /** Bag-of-words vectors: each lower-cased word hashed into one of 64 slots, normalized. */
  static final ClassifierTrainer.DocumentVectors WORDS = new ClassifierTrainer.DocumentVectors() {
    @Override
    public String encoder() {
      return "test-words";
    }

    @Override
    public float[][] vectors(List<String> texts, LongConsumer progress) {
      float[][] out = new float[texts.size()][];
      for (int i = 0; i < texts.size(); i++) {
        out[i] = embed(texts.get(i));
      }
      progress.accept(texts.size());
      return out;
    }
  };

  static float[] embed(String text) {
    float[] v = new float[64];
    for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
      if (!word.isEmpty()) {
        v[Math.floorMod(word.hashCode(), v.length)] += 1;
      }
    }
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    for (int d = 0; d < v.length; d++) {
      v[d] /= (float) Math.sqrt(Math.max(norm, 1e-12));
    }
    return v;
  }

  static final ClassifierTrainer TRAINER =
      new ClassifierTrainer(Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

  /** Tickets about three things, written for this test: ten phrasings each. */
  static List<ClassifierTrainer.Row> tickets() {
    List<ClassifierTrainer.Row> rows = new ArrayList<>();
    String[] cards = {"my card has not arrived", "where is my new card", "card still not delivered",
        "when will my card arrive", "the card never came in the post", "still waiting for my card",
        "has my card been sent", "card delivery is late", "I did not receive my card", "new card missing in mail"};
    String[] refunds = {"I want a refund", "refund my money please", "how do I get a refund",
        "the refund has not reached my account", "please process my refund", "refund still pending",
        "when will I get the refund", "money back for my order", "I asked for a refund twice", "refund request status"};
    String[] passwords = {"I forgot my password", "reset my password", "password reset link does not work",
        "cannot log in, wrong password", "change my password", "my password expired",
        "how to reset password", "locked out after password attempts", "new password not accepted", "password help"};
    for (int i = 0; i < 10; i++) {
      rows.add(new ClassifierTrainer.Row(cards[i], "card_arrival"));
      rows.add(new ClassifierTrainer.Row(refunds[i], "refund"));
      rows.add(new ClassifierTrainer.Row(passwords[i], "password"));
    }
    return rows;
  }

  @Test
  void trainedClassifierLabelsNewTextsAndReportsHeldOutScores() {
    TextClassifier classifier = TRAINER.train(tickets(), ClassifierTrainer.Settings.defaults("intent"), WORDS,
        (phase, done, total) -> {});

    assertThat(best(classifier, "my card has still not arrived")).isEqualTo("card_arrival");
    assertThat(best(classifier, "I want my refund")).isEqualTo("refund");
    assertThat(best(classifier, "reset password please")).isEqualTo("password");
    ClassifierInfo info = classifier.info();
    assertThat(info.labels()).containsExactly("card_arrival", "password", "refund");
    assertThat(info.rows()).isEqualTo(30);
    assertThat(info.heldOutRows()).isEqualTo(3);
    assertThat(info.trainRows()).isEqualTo(27);
    assertThat(info.heldOut().n()).isEqualTo(3);
    assertThat(info.encoder()).isEqualTo("test-words");
    assertThat(info.dataChecksum()).hasSize(64);
  }

  private static String best(TextClassifier classifier, String text) {
    return classifier.classify(embed(text)).alternatives().getFirst().label();
  }

  @Test
  void alternativesAreTheThreeMostProbableLabelsBestFirst() {
    TextClassifier classifier = TRAINER.train(tickets(), ClassifierTrainer.Settings.defaults("intent"), WORDS,
        (phase, done, total) -> {});

    Classification c = classifier.classify(embed("where is my card"));

    assertThat(c.alternatives()).hasSize(3);
    assertThat(c.alternatives().getFirst().label()).isEqualTo("card_arrival");
    assertThat(c.alternatives().get(0).confidence()).isGreaterThanOrEqualTo(c.alternatives().get(1).confidence());
    assertThat(c.alternatives().get(1).confidence()).isGreaterThanOrEqualTo(c.alternatives().get(2).confidence());
    assertThat(c.confidence()).isEqualTo(c.alternatives().getFirst().confidence());
  }

  @Test
  void aTextLikeNoneOfTheLabelsIsUncertainWithNoLabel() {
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings("intent", 42, 0.1, 0, null, 0.9, null,
        "text", "label");
    TextClassifier classifier = TRAINER.train(tickets(), settings, WORDS, (phase, done, total) -> {});

    Classification c = classifier.classify(embed("lovely weather in the mountains today"));

    assertThat(c.uncertain()).isTrue();
    assertThat(c.label()).isNull();
    assertThat(c.alternatives()).isNotEmpty();
    assertThat(VocJson.mapper().valueToTree(c).has("label")).as("label: null is written").isTrue();
  }

  @Test
  void savedClassifierLoadsWithTheSameOutputs(@TempDir Path dir) throws Exception {
    TextClassifier trained = TRAINER.train(tickets(), ClassifierTrainer.Settings.defaults("intent"), WORDS,
        (phase, done, total) -> {});
    trained.save(dir);

    TextClassifier loaded = TextClassifier.load(dir, "intent", Set.of(DocumentKind.TICKET));

    float[] x = embed("when does my card arrive");
    assertThat(loaded.classify(x)).isEqualTo(trained.classify(x));
    assertThat(loaded.info()).isEqualTo(trained.info());
    assertThat(loaded.appliesTo(DocumentKind.TICKET)).isTrue();
    assertThat(loaded.appliesTo(DocumentKind.REVIEW)).isFalse();
  }

  @Test
  void sameRowsAndSeedGiveTheSameSplit() {
    var first = ClassifierTrainer.split(tickets(), 7, 0.2);
    var second = ClassifierTrainer.split(tickets(), 7, 0.2);

    assertThat(first).isEqualTo(second);
    assertThat(first.heldOut()).hasSize(6).extracting(ClassifierTrainer.Row::label)
        .containsOnly("card_arrival", "refund", "password");
  }

  @Test
  void fewShotTrainsOnAtMostNRowsPerLabel() {
    ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings("intent", 42, 0.1, 4, null, 0.5, null,
        "text", "label");
    TextClassifier classifier = TRAINER.train(tickets(), settings, WORDS, (phase, done, total) -> {});

    assertThat(classifier.info().trainRows()).isEqualTo(12);
    assertThat(classifier.info().perClass()).isEqualTo(4);
  }

  @Test
  void dataWithOneLabelOrEmptyTextsIsRefusedWithTheReason() {
    List<ClassifierTrainer.Row> oneLabel = List.of(new ClassifierTrainer.Row("a", "x"), new ClassifierTrainer.Row("b", "x"));
    assertThatThrownBy(() -> TRAINER.train(oneLabel, ClassifierTrainer.Settings.defaults("n"), WORDS, (p, d, t) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 labels");
    List<ClassifierTrainer.Row> blank = List.of(new ClassifierTrainer.Row(" ", "x"), new ClassifierTrainer.Row("b", "y"));
    assertThatThrownBy(() -> TRAINER.train(blank, ClassifierTrainer.Settings.defaults("n"), WORDS, (p, d, t) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
  }
}
