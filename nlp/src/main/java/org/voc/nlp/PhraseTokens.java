package org.voc.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of a text as keys for phrase matching, so that a listed phrase also matches its common
 * inflections and spellings: lower case; {@code n't} read as {@code not} ({@code didn't} is {@code
 * did not}); {@code 've}, {@code 'm}, {@code 're}, {@code 'll} as {@code have}, {@code am}, {@code
 * are}, {@code will}; a possessive {@code 's} dropped; every form of "to be" as {@code be}; a light
 * suffix stem ({@code cancelled}, {@code cancels}, {@code cancelling} all {@code cancel}); and any
 * count from two to 99, in digits or words, cardinal or ordinal ({@code 3}, {@code three}, {@code
 * third}, {@code 3rd}, {@code several}), as the one key {@link #MANY}. Each word also keeps its
 * lower-cased form (for negation) and its span in the text.
 */
final class PhraseTokens {

  /** The key of any count from two up: "3 times", "third time", "several times" are one phrase. */
  static final String MANY = "#many";

  /** One word: its matching key, its lower-cased form, its span, and whether a clause ends before it. */
  record Token(String key, String word, int start, int end, boolean clauseBefore) {}

  private static final Set<String> BE = Set.of("is", "are", "was", "were", "am", "be", "been", "being");
  private static final Map<String, String> CONTRACTIONS =
      Map.of("ve", "have", "m", "am", "re", "are", "ll", "will", "d", "would");
  private static final Map<String, String> NOT_STEMS = Map.of("ca", "can", "wo", "will", "sha", "shall");
  private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
      "seven", "eight", "nine", "ten", "eleven", "twelve");
  private static final List<String> ORDINAL_WORDS = List.of("zeroth", "first", "second", "third", "fourth", "fifth",
      "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth");
  private static final Set<String> MANY_WORDS = Set.of("several", "multiple", "numerous", "many", "countless");

  private PhraseTokens() {}

  /** The words of {@code text}, in order. */
  static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    boolean clause = false;
    while (i < n) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        clause |= c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n';
        i++;
        continue;
      }
      int start = i;
      int end = i;
      while (end < n && (Character.isLetterOrDigit(text.charAt(end))
          || isApostrophe(text.charAt(end)) && end + 1 < n && Character.isLetter(text.charAt(end + 1)))) {
        end++;
      }
      add(tokens, text.substring(start, end).toLowerCase(Locale.ROOT).replace('’', '\''), start, end, clause);
      clause = false;
      i = end;
    }
    return tokens;
  }

  /** Adds {@code word}, split at a contraction into two tokens over the same span. */
  private static void add(List<Token> tokens, String word, int start, int end, boolean clause) {
    int apostrophe = word.indexOf('\'');
    if (apostrophe < 0) {
      tokens.add(new Token(key(word), word, start, end, clause));
      return;
    }
    String head = word.substring(0, apostrophe);
    String tail = word.substring(apostrophe + 1);
    if (tail.equals("t") && head.endsWith("n") && head.length() > 1) {
      String verb = head.substring(0, head.length() - 1);
      verb = NOT_STEMS.getOrDefault(verb, verb);
      tokens.add(new Token(key(verb), verb, start, end, clause));
      tokens.add(new Token("not", "not", start, end, false));
    } else if (CONTRACTIONS.containsKey(tail) && !head.isEmpty()) {
      tokens.add(new Token(key(head), head, start, end, clause));
      String expanded = CONTRACTIONS.get(tail);
      tokens.add(new Token(key(expanded), expanded, start, end, false));
    } else if (tail.equals("s") && !head.isEmpty()) {
      tokens.add(new Token(key(head), head, start, end, clause));
    } else {
      tokens.add(new Token(key(word), word, start, end, clause));
    }
  }

  /** The matching key of one lower-cased word. */
  static String key(String word) {
    if (BE.contains(word)) {
      return "be";
    }
    int count = count(word);
    if (count >= 2 && count <= 99 || MANY_WORDS.contains(word)) {
      return MANY;
    }
    return stem(word);
  }

  /** The number {@code word} names (3, three, third, 3rd), or -1. */
  private static int count(String word) {
    int digits = 0;
    while (digits < word.length() && Character.isDigit(word.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && digits <= 2) {
      String suffix = word.substring(digits);
      if (suffix.isEmpty() || Set.of("st", "nd", "rd", "th", "x").contains(suffix)) {
        return Integer.parseInt(word.substring(0, digits));
      }
      return -1;
    }
    int index = NUMBER_WORDS.indexOf(word);
    return index >= 0 ? index : ORDINAL_WORDS.indexOf(word);
  }

  /**
   * A light suffix stem, the same for a phrase and a text: plural {@code s}, then {@code ed} or
   * {@code ing}, then a doubled last letter, then a final {@code e}. Crude ({@code charge} and
   * {@code charged} are both {@code charg}), but only ever compared with other stems.
   */
  static String stem(String word) {
    if (word.length() <= 3 || !word.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
      return word;
    }
    String w = word;
    if (w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.endsWith("ied")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("ed") && w.length() > 4) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("ing") && w.length() > 5) {
      w = w.substring(0, w.length() - 3);
    }
    int n = w.length();
    if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && !isVowel(w.charAt(n - 1))) {
      w = w.substring(0, n - 1);
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }
}
