package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UrgencyRulesTest {

  private static final UrgencyRules RULES = UrgencyRules.defaults();
  private static final Sentiment NEUTRAL = sentiment(0.0);

  private static Sentiment sentiment(double score) {
    double neg = Math.max(0, -score);
    double pos = Math.max(0, score);
    return new Sentiment(score < 0 ? SentimentLabel.NEGATIVE : score > 0 ? SentimentLabel.POSITIVE
        : SentimentLabel.NEUTRAL, score, new Sentiment.Probabilities(neg, 1 - neg - pos, pos), List.of());
  }

  private static List<String> reasons(Urgency urgency) {
    return urgency.reasons().stream().map(r -> r.signal() + "=" + r.evidence()).toList();
  }

  @Test
  void outageIsHigh() {
    Urgency urgency = RULES.assess("Hi, your website is down for everyone in our office.", NEUTRAL);
    assertThat(urgency.level()).isEqualTo("high");
    assertThat(reasons(urgency)).contains("outage=website is down");
    assertThat(RULES.assess("The dashboard is not loading for anyone here", NEUTRAL).level()).isEqualTo("high");
    assertThat(RULES.assess("Service Unavailable when I open the page", NEUTRAL).level()).isEqualTo("high");
  }

  @Test
  void fraudIsHighWithContractionsAndInflections() {
    Urgency urgency = RULES.assess("Someone took money from my account last night!", NEUTRAL);
    assertThat(reasons(urgency)).containsExactly("fraud=Someone took money from my account");
    assertThat(urgency.level()).isEqualTo("high");
    assertThat(reasons(RULES.assess("I didn’t make this payment of $300.", NEUTRAL)))
        .containsExactly("fraud=I didn’t make this payment");
    assertThat(reasons(RULES.assess("There are two Unauthorized Transactions on my statement", NEUTRAL)))
        .containsExactly("fraud=Unauthorized Transactions");
    assertThat(RULES.assess("My card was stolen yesterday", NEUTRAL).level()).isEqualTo("high");
  }

  @Test
  void securityAndLegalAreHigh() {
    assertThat(reasons(RULES.assess("I think my account has been compromised.", NEUTRAL)))
        .containsExactly("security=account has been compromised");
    assertThat(reasons(RULES.assess("I got a phishing email that looks like you", NEUTRAL)))
        .containsExactly("security=phishing email");
    assertThat(reasons(RULES.assess("If this is not fixed my lawyer will be in touch.", NEUTRAL)))
        .containsExactly("legal=my lawyer");
    assertThat(reasons(RULES.assess("I will take this to small claims court and report you to the ombudsman",
        NEUTRAL))).containsExactly("legal=small claims court");
  }

  @Test
  void repeatedContactCountsInDigitsAndWords() {
    assertThat(reasons(RULES.assess("This is the third time I write about this.", NEUTRAL)))
        .containsExactly("repeated-contact=third time I write");
    assertThat(reasons(RULES.assess("I have contacted you 5 times", NEUTRAL)))
        .containsExactly("repeated-contact=contacted you 5 times");
    assertThat(reasons(RULES.assess("I contacted you three times already", NEUTRAL)))
        .containsExactly("repeated-contact=contacted you three times");
    assertThat(RULES.assess("I contacted you once", NEUTRAL).reasons()).isEmpty();
  }

  @Test
  void oneRaiseStaysNormalAndTwoDifferentRaisesMakeHigh() {
    Urgency one = RULES.assess("Please cancel my subscription.", NEUTRAL);
    assertThat(one.level()).isEqualTo("normal");
    assertThat(reasons(one)).containsExactly("cancellation=cancel my subscription");

    Urgency sameTwice = RULES.assess("Still no answer. Again and again, again and again.", NEUTRAL);
    assertThat(sameTwice.level()).isEqualTo("normal");
    assertThat(reasons(sameTwice)).containsExactly("repeated-contact=Still no answer");

    Urgency two = RULES.assess("Still no answer, so I'm cancelling my subscriptions.", NEUTRAL);
    assertThat(two.level()).isEqualTo("high");
    assertThat(reasons(two)).containsExactly(
        "repeated-contact=Still no answer", "cancellation=cancelling my subscriptions");
  }

  @Test
  void strongNegativeSentimentIsARaise() {
    Urgency alone = RULES.assess("The new layout is awful.", sentiment(-0.8));
    assertThat(alone.level()).isEqualTo("normal");
    assertThat(reasons(alone)).containsExactly("strong-negative=");

    Urgency withCancel = RULES.assess("I want to close my account.", sentiment(-0.6));
    assertThat(withCancel.level()).isEqualTo("high");
    assertThat(reasons(withCancel)).containsExactly("cancellation=close my account", "strong-negative=");

    assertThat(RULES.assess("I want to close my account.", sentiment(-0.59)).level()).isEqualTo("normal");
  }

  @Test
  void praiseOrAFeatureRequestWithoutNegativeSentimentIsLow() {
    Urgency thanks = RULES.assess("Works now, thank you so much!", sentiment(0.7));
    assertThat(thanks.level()).isEqualTo("low");
    assertThat(reasons(thanks)).containsExactly("gratitude=Works now");

    assertThat(RULES.assess("It would be nice if exports had dates.", NEUTRAL).level()).isEqualTo("low");
    assertThat(RULES.assess("It would be nice if it didn't crash.", sentiment(-0.3)).level()).isEqualTo("normal");
    Urgency raised = RULES.assess("Thanks so much, but please cancel my subscription", sentiment(0.2));
    assertThat(raised.level()).isEqualTo("normal");
    assertThat(reasons(raised)).containsExactly("cancellation=cancel my subscription");
  }

  @Test
  void aNegatedSignalDoesNotCount() {
    assertThat(RULES.assess("To be clear, this is not fraud, just a question.", NEUTRAL).reasons()).isEmpty();
    assertThat(RULES.assess("There was no outage, the app is fine.", NEUTRAL).reasons()).isEmpty();
    assertThat(RULES.assess("I don't want to cancel my subscription.", NEUTRAL).reasons()).isEmpty();
    assertThat(RULES.assess("I have never been hacked before", NEUTRAL).reasons()).isEmpty();
    // A negation before a clause break does not reach the phrase.
    assertThat(RULES.assess("Not great. Fraud on my card!", NEUTRAL).level()).isEqualTo("high");
  }

  @Test
  void phrasesAreWholeWords() {
    assertThat(RULES.assess("The price went down and my courtesy call was fine", NEUTRAL).reasons()).isEmpty();
    assertThat(RULES.assess("defrauded", NEUTRAL).reasons()).isEmpty();
  }

  @Test
  void configuredRulesExtendOrReplaceTheDefaults() {
    UrgencyRules extended = RULES.with(List.of(
        new UrgencyRules.RuleSpec("fraud", "high", List.of("money vanished")),
        new UrgencyRules.RuleSpec("vip", "raise", List.of("gold member"))), false, -0.9);
    assertThat(extended.strongNegative()).isEqualTo(-0.9);
    assertThat(reasons(extended.assess("My money vanished", NEUTRAL))).containsExactly("fraud=money vanished");
    assertThat(extended.assess("fraud", NEUTRAL).level()).isEqualTo("high");
    assertThat(extended.assess("As a gold member I want to cancel my plan", NEUTRAL).level()).isEqualTo("high");
    assertThat(extended.assess("awful", sentiment(-0.8)).reasons()).isEmpty();

    UrgencyRules replaced = RULES.with(List.of(new UrgencyRules.RuleSpec("vip", "high", List.of("gold member"))),
        true, null);
    assertThat(replaced.rules()).extracting(UrgencyRules.Rule::signal).containsExactly("vip");
    assertThat(replaced.assess("fraud", NEUTRAL).reasons()).isEmpty();
    assertThat(replaced.strongNegative()).isEqualTo(UrgencyRules.DEFAULT_STRONG_NEGATIVE);
  }

  @Test
  void badRulesAreRefusedWithTheRuleNamed() {
    assertThatThrownBy(() -> RULES.with(List.of(new UrgencyRules.RuleSpec("vip", "urgent", List.of("x"))), false,
        null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vip").hasMessageContaining("effect");
    assertThatThrownBy(() -> RULES.with(List.of(new UrgencyRules.RuleSpec("vip", "high", List.of())), false, null))
        .hasMessageContaining("'vip' has no phrases");
    assertThatThrownBy(() -> RULES.with(List.of(new UrgencyRules.RuleSpec("vip", "high", List.of("!!"))), false,
        null)).hasMessageContaining("phrase '!!'");
    assertThatThrownBy(() -> RULES.with(List.of(new UrgencyRules.RuleSpec(" ", "high", List.of("x"))), false,
        null)).hasMessageContaining("signal");
    assertThatThrownBy(() -> RULES.with(List.of(), false, 0.5)).hasMessageContaining("strongNegative");
  }

  @Test
  void tokensNormalizeInflectionsContractionsAndCounts() {
    assertThat(PhraseTokens.of("cancelled cancels cancelling cancel").stream().map(PhraseTokens.Token::key))
        .containsOnly("cancel");
    assertThat(PhraseTokens.of("3rd third 3 three several").stream().map(PhraseTokens.Token::key))
        .containsOnly(PhraseTokens.MANY);
    assertThat(PhraseTokens.of("isn't").stream().map(PhraseTokens.Token::key)).containsExactly("be", "not");
    assertThat(PhraseTokens.of("can't").stream().map(PhraseTokens.Token::key)).containsExactly("can", "not");
  }

  @Test
  void anyTextGivesALevelWithEvidenceFromTheText() {
    java.util.Random random = new java.util.Random(42);
    String[] pieces = {"fraud", "not", "n't", "'s", "’", "'", "3rd", "times", "is down", "İ", "ß", "😀", ",", ".",
        " ", "  ", "cancel", "my", "subscription", "I", "didn", "again", "\n", "-", "99", "0", "x"};
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      Urgency urgency = RULES.assess(text.toString(), sentiment(random.nextDouble() * 2 - 1));
      assertThat(urgency.level()).isIn("low", "normal", "high");
      for (Urgency.Reason reason : urgency.reasons()) {
        assertThat(text.toString()).contains(reason.evidence());
      }
    }
  }
}
