package org.voc.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TextCleanerTest {

  @Test
  void tagsAreStrippedAndTheirTextKept() {
    assertThat(TextCleaner.clean("<b>Great</b> <i>phone</i>, <a href=\"/x\">really</a>."))
        .isEqualTo("Great phone, really.");
  }

  @Test
  void scriptStyleNoscriptAndTemplateContentIsDropped() {
    String html =
        "<p>Before</p><script>var secret = 1;</script><style>p { color: red }</style>"
            + "<noscript>enable js</noscript><template><p>hidden</p></template><p>After</p>";
    assertThat(TextCleaner.clean(html))
        .isEqualTo("Before\n\nAfter")
        .doesNotContain("secret", "color", "enable", "hidden");
  }

  @Test
  void entitiesAreDecodedInHtml() {
    assertThat(TextCleaner.clean("<p>Fish &amp; chips &lt;3 &eacute;t&eacute; &#128512;</p>"))
        .isEqualTo("Fish & chips <3 été 😀");
  }

  @Test
  void entitiesAreDecodedInPlainTextWithoutLosingItsLineBreaks() {
    assertThat(TextCleaner.clean("Fish &amp; chips\n\nwere cold"))
        .isEqualTo("Fish & chips\n\nwere cold");
  }

  @Test
  void brIsALineBreakAndParagraphsAndListItemsAreSeparatedByABlankLine() {
    String html = "<p>First line<br>second line</p><ul><li>one</li><li>two</li></ul><div>end</div>";
    assertThat(TextCleaner.clean(html)).isEqualTo("First line\nsecond line\n\none\n\ntwo\n\nend");
  }

  @Test
  void sourceLineBreaksInsideHtmlTextAreJustSpaces() {
    assertThat(TextCleaner.clean("<p>wrapped\n   source\ntext</p>"))
        .isEqualTo("wrapped source text");
  }

  @Test
  void nonBreakingSpacesCollapseLikeSpaces() {
    assertThat(TextCleaner.clean("<p>a&nbsp;&nbsp; b</p>")).isEqualTo("a b");
  }

  @Test
  void controlCharactersAreRemovedButNewlinesAndTabsKept() {
    assertThat(TextCleaner.clean("be\u0000ep\u0007 ok\u001b\ttab\nnext\u200B\uFEFF"))
        .isEqualTo("beep ok\ttab\nnext");
  }

  @Test
  void carriageReturnsBecomeNewlines() {
    assertThat(TextCleaner.clean("one\r\ntwo\rthree")).isEqualTo("one\ntwo\nthree");
  }

  @Test
  void plainTextIsUnchangedExceptWhitespace() {
    String text = "  The app   crashes :(  \n\n\n\n  Since v2.1 <3 (a<b) & more  \n";
    assertThat(TextCleaner.clean(text))
        .isEqualTo("The app crashes :(\n\nSince v2.1 <3 (a<b) & more");
  }

  @Test
  void lessThanSignsInPlainTextDoNotMakeItHtml() {
    assertThat(TextCleaner.looksLikeHtml("if a<b and c>d it fails")).isFalse();
    assertThat(TextCleaner.looksLikeHtml("1 <3 you")).isFalse();
    assertThat(TextCleaner.looksLikeHtml("it <b>fails</b>")).isTrue();
    assertThat(TextCleaner.looksLikeHtml("see <a href=\"/x\">here")).isTrue();
    assertThat(TextCleaner.looksLikeHtml("line<br/>break")).isTrue();
    assertThat(TextCleaner.looksLikeHtml("bold</B> end")).isTrue();
  }

  @Test
  void decomposedAccentsAreComposed() {
    assertThat(TextCleaner.clean("cafe\u0301")).isEqualTo("caf\u00e9");
  }

  @Test
  void emptyAndBlankInputGiveEmptyText() {
    assertThat(TextCleaner.clean("")).isEmpty();
    assertThat(TextCleaner.clean(null)).isEmpty();
    assertThat(TextCleaner.clean(" \n\t ")).isEmpty();
    assertThat(TextCleaner.clean("<p> </p><script>x</script>")).isEmpty();
  }

  @Test
  void oneMebibyteOfHtmlOrPlainTextIsCleanedQuickly() {
    String html = "<p>Great <b>value</b> &amp; fast   shipping.</p>\n".repeat(24_000);
    String plain = "a<b c & d    e\n".repeat(75_000);
    long start = System.nanoTime();
    String cleanedHtml = TextCleaner.clean(html);
    String cleanedPlain = TextCleaner.clean(plain);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(html.length()).isGreaterThan(1 << 20);
    assertThat(cleanedHtml).startsWith("Great value & fast shipping.\n\nGreat value");
    assertThat(cleanedPlain).startsWith("a<b c & d e\na<b");
    assertThat(took).isLessThan(Duration.ofSeconds(5));
  }
}
