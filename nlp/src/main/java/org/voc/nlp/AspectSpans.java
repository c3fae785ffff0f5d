package org.voc.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Aspect terms as BIO tags on an encoder's wordpieces and back: {@link #encode} turns gold
 * character spans into one tag per token for training, {@link #decode} turns predicted tags into
 * character spans snapped to whole words. A token's span is {start, end} in the text, or {-1, -1}
 * for a special token such as [CLS], which gets no tag ({@link #IGNORED}).
 */
public final class AspectSpans {

  /** The tags, in the tagger's class order. */
  public static final List<String> TAGS = List.of("O", "B", "I");

  public static final int O = 0;
  public static final int B = 1;
  public static final int I = 2;
  public static final int IGNORED = -1;

  /** Characters that join two word characters into one word: "wait-staff", "food's", "3.5". */
  private static final String JOINERS = "-'\u2019/.&+";

  private AspectSpans() {}

  /** A character span [start, end). */
  public record Span(int start, int end) {}

  /**
   * One tag per token: B for the first token that overlaps a gold span, I for the other tokens
   * that overlap it, O elsewhere, {@link #IGNORED} for special tokens.
   */
  public static int[] encode(int[][] tokenSpans, List<Span> gold) {
    int[] tags = new int[tokenSpans.length];
    boolean[] begun = new boolean[gold.size()];
    for (int t = 0; t < tokenSpans.length; t++) {
      int start = tokenSpans[t][0];
      int end = tokenSpans[t][1];
      if (start < 0) {
        tags[t] = IGNORED;
        continue;
      }
      tags[t] = O;
      for (int g = 0; g < gold.size(); g++) {
        if (start < gold.get(g).end() && end > gold.get(g).start()) {
          tags[t] = begun[g] ? I : B;
          begun[g] = true;
          break;
        }
      }
    }
    return tags;
  }

  /**
   * The spans that {@code tags} mark in {@code text}: a B starts a term, an I continues it (or
   * starts one after an O, so that a missed B loses no term), anything else ends it. Each term is
   * then widened to whole words, and terms that come to overlap are merged.
   */
  public static List<Span> decode(int[] tags, int[][] tokenSpans, String text) {
    List<Span> raw = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (int t = 0; t < tags.length; t++) {
      boolean special = tokenSpans[t][0] < 0;
      boolean continues = !special && tags[t] == I && start >= 0;
      if (start >= 0 && !continues) {
        raw.add(new Span(start, end));
        start = -1;
      }
      if (special) {
        continue;
      }
      if (tags[t] == B || (tags[t] == I && start < 0)) {
        start = tokenSpans[t][0];
      }
      if (start >= 0) {
        end = tokenSpans[t][1];
      }
    }
    if (start >= 0) {
      raw.add(new Span(start, end));
    }
    return merge(raw.stream().map(s -> snap(text, s.start(), s.end())).toList());
  }

  /** Widens [start, end) to the whole words it touches. */
  public static Span snap(String text, int start, int end) {
    while (start > 0 && inWord(text, start - 1)) {
      start--;
    }
    while (end < text.length() && inWord(text, end)) {
      end++;
    }
    return new Span(start, end);
  }

  private static boolean inWord(String text, int i) {
    char c = text.charAt(i);
    if (Character.isLetterOrDigit(c)) {
      return true;
    }
    return JOINERS.indexOf(c) >= 0 && i > 0 && i + 1 < text.length()
        && Character.isLetterOrDigit(text.charAt(i - 1))
        && Character.isLetterOrDigit(text.charAt(i + 1));
  }

  private static List<Span> merge(List<Span> spans) {
    List<Span> merged = new ArrayList<>();
    for (Span span : spans) {
      Span last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && span.start() < last.end()) {
        merged.set(merged.size() - 1, new Span(last.start(), Math.max(last.end(), span.end())));
      } else {
        merged.add(span);
      }
    }
    return merged;
  }
}
