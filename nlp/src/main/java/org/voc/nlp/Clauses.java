package org.voc.nlp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clause around a target: the part of its sentence between the punctuation or conjunctions
 * ("but", "while", "so", ...) before and after it. Where a sentence names two brands, each is judged
 * on its own clause ("Globex keeps crashing, so I switched to Acme and love it"), as local-context
 * models do; a clause of fewer than two other words keeps the whole sentence.
 */
final class Clauses {

  private static final Pattern BOUNDARY = Pattern.compile(
      "[,;:!?()]|\\s[-–—]\\s|\\b(?:but|while|whereas|although|though|so|yet|however|because)\\b",
      Pattern.CASE_INSENSITIVE);

  private Clauses() {}

  /** The target at [start, end) of {@code sentence}, set in its clause. */
  static TargetSentimentModel.Target target(String sentence, int start, int end) {
    int from = 0;
    int to = sentence.length();
    Matcher m = BOUNDARY.matcher(sentence);
    while (m.find()) {
      if (m.end() <= start) {
        from = m.end();
      } else if (m.start() >= end) {
        to = m.start();
        break;
      }
    }
    String clause = sentence.substring(from, to);
    String others = (sentence.substring(from, start) + " " + sentence.substring(end, to)).strip();
    if (others.split("\\s+").length < 2) {
      return TargetSentimentModel.Target.at(sentence, start, end);
    }
    int lead = clause.length() - clause.stripLeading().length();
    return TargetSentimentModel.Target.at(clause.strip(), start - from - lead, end - from - lead);
  }
}
