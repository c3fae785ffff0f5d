package org.voc.eval.aspects;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.voc.nlp.AspectSpans;

/** Exact-span precision, recall and F1 of found aspect terms against each sentence's gold set. */
public final class ExtractionScores {

  private long truePositives;
  private long found;
  private long gold;

  /** Counts one sentence: {@code predicted} against {@code expected}, duplicates ignored. */
  public void add(List<AspectSpans.Span> predicted, List<AspectSpans.Span> expected) {
    Set<AspectSpans.Span> goldSet = new HashSet<>(expected);
    Set<AspectSpans.Span> foundSet = new HashSet<>(predicted);
    gold += goldSet.size();
    found += foundSet.size();
    foundSet.retainAll(goldSet);
    truePositives += foundSet.size();
  }

  public double precision() {
    return found == 0 ? 0 : (double) truePositives / found;
  }

  public double recall() {
    return gold == 0 ? 0 : (double) truePositives / gold;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  public long gold() {
    return gold;
  }

  public long found() {
    return found;
  }

  /** The gold spans of a sentence. */
  public static List<AspectSpans.Span> spans(AspectFile.AspectSentence sentence) {
    return sentence.aspects().stream().map(a -> new AspectSpans.Span(a.from(), a.to())).toList();
  }
}
