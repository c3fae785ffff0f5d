package org.voc.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds configured brands in a text with one pass over its tokens and a dictionary of every name,
 * alias and product name (no pattern per brand per document). Matching ignores case, a possessive
 * ({@code Acme's}, {@code Acme’s}), a leading {@code #} or {@code @} (hashtags and handles), and
 * the spaces inside a name when it is written as one word ({@code #GlobexCorp}); the longest name
 * that matches wins.
 */
public final class BrandMatcher {

  /** One place a brand is named: the brand and the span of the words that name it. */
  public record Match(BrandDefinition brand, int start, int end) {}

  private record Token(String key, int start, int end) {}

  private final Node root = new Node();
  private final boolean empty;

  public BrandMatcher(List<BrandDefinition> brands) {
    for (BrandDefinition brand : brands) {
      List<String> names = new ArrayList<>();
      names.add(brand.name());
      names.addAll(brand.aliases());
      names.addAll(brand.products());
      for (String name : names) {
        List<String> keys = tokens(name).stream().map(Token::key).toList();
        if (keys.isEmpty()) {
          continue;
        }
        add(keys, brand);
        if (keys.size() > 1) {
          add(List.of(String.join("", keys)), brand); // #GlobexCorp, globexcorp.com
        }
      }
    }
    this.empty = brands.isEmpty();
  }

  /** Every brand mention in {@code text}, in text order, longest names first where they overlap. */
  public List<Match> find(String text) {
    if (empty) {
      return List.of();
    }
    List<Token> tokens = tokens(text);
    List<Match> matches = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Node node = root;
      BrandDefinition found = null;
      int foundEnd = -1;
      for (int j = i; j < tokens.size(); j++) {
        node = node.next.get(tokens.get(j).key());
        if (node == null) {
          break;
        }
        if (node.brand != null) {
          found = node.brand;
          foundEnd = j;
        }
      }
      if (found != null) {
        matches.add(new Match(found, tokens.get(i).start(), tokens.get(foundEnd).end()));
        i = foundEnd + 1;
      } else {
        i++;
      }
    }
    return matches;
  }

  private void add(List<String> keys, BrandDefinition brand) {
    Node node = root;
    for (String key : keys) {
      node = node.next.computeIfAbsent(key, k -> new Node());
    }
    if (node.brand == null) { // the first brand to claim a name keeps it
      node.brand = brand;
    }
  }

  /**
   * Words of {@code text}: runs of letters and digits, joined across inner dots, hyphens, ampersands
   * and apostrophes ({@code acme.com}, {@code t-mobile}, {@code at&t}); a trailing possessive is
   * dropped from the key and left out of the span. Keys are lower case.
   */
  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int end = i;
      while (end < n) {
        char c = text.charAt(end);
        if (Character.isLetterOrDigit(c)) {
          end++;
        } else if (isJoiner(c) && end + 1 < n && Character.isLetterOrDigit(text.charAt(end + 1))) {
          end += 2;
        } else {
          break;
        }
      }
      int keyEnd = end;
      if (keyEnd - start > 2 && isApostrophe(text.charAt(keyEnd - 2))
          && Character.toLowerCase(text.charAt(keyEnd - 1)) == 's') {
        keyEnd -= 2;
      } else if (end < n && isApostrophe(text.charAt(end)) && text.charAt(end - 1) == 's') {
        keyEnd = end; // plural possessive: "Acmes'" stays as written
      }
      String key = text.substring(start, keyEnd).toLowerCase(Locale.ROOT).replace('’', '\'');
      tokens.add(new Token(key, start, keyEnd));
      i = end;
    }
    return tokens;
  }

  private static boolean isJoiner(char c) {
    return c == '.' || c == '-' || c == '&' || isApostrophe(c);
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '’';
  }

  private static final class Node {
    final Map<String, Node> next = new HashMap<>();
    BrandDefinition brand;
  }
}
