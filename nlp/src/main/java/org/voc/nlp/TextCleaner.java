package org.voc.nlp;

import java.text.Normalizer;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns what a client sent (plain text or HTML) into the plain text voc analyzes and whose
 * character offsets it reports. Runs in time linear in the input.
 *
 * <p>Block elements end with a blank line, which the sentence splitter treats as a sentence break:
 * list items and paragraphs seldom end with a full stop. {@code <br>} is a single line break, like
 * a newline in plain text.
 */
public final class TextCleaner {

  private static final String TAG_NAMES =
      "(?:a|abbr|article|aside|b|big|blockquote|body|br|button|caption|center|code|dd|del|div|dl"
          + "|dt|em|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img"
          + "|input|ins|label|li|link|main|mark|meta|nav|noscript|ol|p|pre|q|s|script|section"
          + "|small|span|strike|strong|style|sub|sup|svg|table|tbody|td|template|tfoot|th|thead"
          + "|title|tr|tt|u|ul)";

  /**
   * HTML is recognised by a comment, a closing tag, a bare start tag or a start tag with an
   * attribute, of a known element; a {@code <b ...>} with no {@code name=} inside is not enough, so
   * that "if a<b and c>d" in a plain-text ticket is not parsed as a {@code <b>} element and lost.
   */
  private static final Pattern HTML_TAG =
      Pattern.compile(
          "<(?:!--|/" + TAG_NAMES + "\\s*>|" + TAG_NAMES + "(?:\\s*/?>|\\s+[a-zA-Z:-]+\\s*=))",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ENTITY =
      Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

  /** Elements whose content is not text a customer wrote. */
  private static final Set<String> DROPPED =
      Set.of("script", "style", "noscript", "template", "svg", "iframe", "object");

  private static final Set<String> BLOCKS =
      Set.of(
          ("address article aside blockquote caption dd details div dl dt figcaption figure footer"
                  + " form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table"
                  + " tbody tfoot thead tr ul")
              .split(" "));

  private static final Set<String> CELLS = Set.of("td", "th");

  private TextCleaner() {}

  /** The plain text of {@code input}: tags gone, entities decoded, whitespace tidied, NFC. */
  public static String clean(String input) {
    if (input == null || input.isEmpty()) {
      return "";
    }
    String text;
    if (looksLikeHtml(input)) {
      text = htmlText(input);
    } else if (ENTITY.matcher(input).find()) {
      // Entities alone do not make HTML: parsing would fold the text's own line breaks away.
      text = Parser.unescapeEntities(input, false);
    } else {
      text = input;
    }
    return Normalizer.normalize(tidyWhitespace(text), Normalizer.Form.NFC);
  }

  /** Whether {@code input} would be parsed as HTML rather than taken as plain text. */
  public static boolean looksLikeHtml(String input) {
    return HTML_TAG.matcher(input).find();
  }

  private static String htmlText(String html) {
    Element body = Jsoup.parse(html).body();
    TextCollector collector = new TextCollector();
    NodeTraversor.filter(collector, body);
    return collector.text.toString();
  }

  /**
   * Collapses each run of spaces to one blank (a tab if the run held one), drops blanks next to
   * line breaks, keeps at most one blank line, removes control characters other than newline and
   * tab, and trims both ends.
   */
  static String tidyWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0;
    char blank = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n' || c == '\u2028') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        newlines++;
      } else if (c == '\u2029') {
        newlines += 2;
      } else if (c == '\t') {
        blank = '\t';
      } else if (Character.isSpaceChar(c)) {
        blank = blank == '\t' ? '\t' : ' ';
      } else if (!isInvisible(c)) {
        if (!out.isEmpty()) {
          if (newlines > 0) {
            out.append(newlines == 1 ? "\n" : "\n\n");
          } else if (blank != 0) {
            out.append(blank);
          }
        }
        newlines = 0;
        blank = 0;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Control characters, and the byte-order mark and zero-width space that editors leave behind. */
  private static boolean isInvisible(char c) {
    return Character.getType(c) == Character.CONTROL || c == '\uFEFF' || c == '\u200B';
  }

  /** Appends the text of the visited nodes, with line breaks where the layout has them. */
  private static final class TextCollector implements NodeFilter {
    private final StringBuilder text = new StringBuilder();
    private int preDepth;

    @Override
    public FilterResult head(Node node, int depth) {
      if (node instanceof TextNode textNode) {
        appendText(textNode.getWholeText());
      } else if (node instanceof Element element) {
        String name = element.normalName();
        if (DROPPED.contains(name)) {
          return FilterResult.SKIP_ENTIRELY;
        }
        if (name.equals("br")) {
          text.append('\n');
        } else if (BLOCKS.contains(name)) {
          text.append("\n\n");
        } else if (CELLS.contains(name)) {
          text.append(' ');
        }
        if (name.equals("pre")) {
          preDepth++;
        }
      }
      return FilterResult.CONTINUE;
    }

    @Override
    public FilterResult tail(Node node, int depth) {
      if (node instanceof Element element) {
        String name = element.normalName();
        if (BLOCKS.contains(name)) {
          text.append("\n\n");
        }
        if (name.equals("pre")) {
          preDepth--;
        }
      }
      return FilterResult.CONTINUE;
    }

    /** Line breaks in HTML source are layout of the source, not of the page, except in pre. */
    private void appendText(String raw) {
      if (preDepth > 0) {
        text.append(raw);
        return;
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        text.append(c == '\n' || c == '\r' ? ' ' : c);
      }
    }
  }
}
