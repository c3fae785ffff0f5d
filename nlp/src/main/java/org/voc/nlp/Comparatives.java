package org.voc.nlp;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The comparison rule for brands: a brand named as what another is compared against ("great,
 * unlike Globex", "better than Globex", "switched from Globex", "compared to Globex") is judged the
 * opposite way to the brand it is compared with. The target model reads such sentences as one
 * opinion about both brands; the rule keeps comparisons, the commonest way customers talk about
 * competitors, from giving both brands the same sentiment.
 */
final class Comparatives {

  static final String NAME = "comparative-rule";

  /** A contrast marker, optionally followed by a determiner, right before the brand's name. */
  private static final Pattern MARKED = Pattern.compile(
      "(?:\\bunlike|\\bthan|\\bcompared (?:to|with)|\\bin contrast to|\\binstead of|\\brather than"
          + "|\\bas opposed to|\\bvs\\.?|\\bversus|\\bswitched (?:away )?from|\\bmoved (?:away )?from"
          + "|\\bleft|\\bleaving|\\bditched|\\bdropped)"
          + "(?:\\s+(?:the|a|an|my|our|their|those|that|what|old))?\\s*[\"'“]?$");

  private Comparatives() {}

  /** Whether the brand at {@code start} of {@code sentence} is what something is compared against. */
  static boolean marked(String sentence, int start) {
    String before = sentence.substring(Math.max(0, start - 40), start).toLowerCase(Locale.ROOT);
    return MARKED.matcher(before).find();
  }

  /**
   * The sentiment toward a compared-against brand: {@code anchor} (the sentiment toward what it is
   * compared with) with negative and positive swapped, saying that this rule made it.
   */
  static Sentiment opposite(Sentiment anchor) {
    Sentiment.Probabilities p = anchor.probabilities();
    Sentiment.Probabilities swapped = new Sentiment.Probabilities(p.positive(), p.neutral(), p.negative());
    return Sentiment.fromProbabilities(swapped, List.of(new Sentiment.ModelOutput(NAME, "1",
        swapped.argmax().wireName(), java.util.Map.of("negative", swapped.negative(), "neutral",
            swapped.neutral(), "positive", swapped.positive()))));
  }
}
