package org.voc.index;

/**
 * Escapes customer text for HTML. Snippets are shown as markup, and the text came from strangers:
 * every character that could open a tag, an entity or an attribute is written as an entity.
 */
final class HtmlText {

  private HtmlText() {}

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    append(escaped, text, 0, text.length());
    return escaped.toString();
  }

  /** Appends {@code text[start, end)} to {@code out}, escaped. */
  static void append(StringBuilder out, String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
  }
}
