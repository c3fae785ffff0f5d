package org.voc.index;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * The snippet of each hit: the best passage of the text, about {@value #LENGTH} characters, with
 * matched words in {@code <mark>} and everything else HTML-escaped. A hit whose text matched
 * nothing (a filter-only search, a title-only match) gets the start of its text instead.
 */
final class Snippets {

  /** The length a snippet aims for, in characters. */
  static final int LENGTH = 200;

  // The highlighter reads at most this much of a text; reviews and tickets are far shorter.
  private static final int MAX_HIGHLIGHTED_CHARS = 100_000;

  private final Analyzer analyzer;

  Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** One snippet per hit of {@code page}, in page order; {@code texts} are the hits' texts. */
  List<String> of(IndexSearcher searcher, Query keywords, ScoreDoc[] page, List<String> texts)
      throws IOException {
    String[] highlighted = highlight(searcher, keywords, page, texts);
    List<String> snippets = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      String snippet = highlighted[i];
      snippets.add(snippet != null ? snippet : opening(texts.get(i)));
    }
    return snippets;
  }

  private String[] highlight(IndexSearcher searcher, Query keywords, ScoreDoc[] page, List<String> texts)
      throws IOException {
    if (page.length == 0 || !KeywordQueryCompiler.scoresDocuments(keywords)) {
      return new String[page.length];
    }
    Map<Integer, String> textsByDoc = new HashMap<>();
    for (int i = 0; i < page.length; i++) {
      textsByDoc.put(page[i].doc, texts.get(i));
    }
    UnifiedHighlighter highlighter =
        new KnownTextHighlighter(
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkFormatter())
                .withBreakIterator(Snippets::passageBreaks)
                .withMaxLength(MAX_HIGHLIGHTED_CHARS)
                // No match: leave it null and fall back to opening(), which is cut to LENGTH.
                .withMaxNoHighlightPassages(0),
            textsByDoc);
    TopDocs docs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
    return highlighter.highlight(IndexSchema.TEXT, keywords, docs, 1);
  }

  /**
   * Highlights texts the caller has already read (from the stored JSON of the page's hits) rather
   * than reading each hit's stored fields a second time; offsets still come from the postings.
   */
  private static final class KnownTextHighlighter extends UnifiedHighlighter {
    private final Map<Integer, String> textsByDoc;

    KnownTextHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, String> textsByDoc) {
      super(builder);
      this.textsByDoc = textsByDoc;
    }

    // As UnifiedHighlighter's own: documents in the iterator's order until cacheCharsThreshold
    // characters are loaded (0: one document), each cut to the highlighter's maximum length.
    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      long chars = 0;
      do {
        int doc = docs.nextDoc();
        if (doc == DocIdSetIterator.NO_MORE_DOCS) {
          break;
        }
        String text = textsByDoc.get(doc);
        if (text == null) {
          throw new IllegalStateException("no text for hit " + doc);
        }
        String cut = text.length() > MAX_HIGHLIGHTED_CHARS ? text.substring(0, MAX_HIGHLIGHTED_CHARS) : text;
        CharSequence[] perField = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          if (!IndexSchema.TEXT.equals(fields[f])) {
            throw new IllegalStateException("only " + IndexSchema.TEXT + " is highlighted, not " + fields[f]);
          }
          perField[f] = cut;
          chars += cut.length();
        }
        values.add(perField);
      } while (chars <= cacheCharsThreshold && cacheCharsThreshold != 0);
      return values;
    }
  }

  private static BreakIterator passageBreaks() {
    return LengthGoalBreakIterator.createClosestToLength(
        BreakIterator.getSentenceInstance(Locale.ROOT), LENGTH, 0.5f);
  }

  /** The first ~{@value #LENGTH} characters of {@code text}, cut at a space where one is near. */
  static String opening(String text) {
    if (text.length() <= LENGTH) {
      return HtmlText.escape(text);
    }
    int cut = LENGTH;
    if (Character.isLowSurrogate(text.charAt(cut))) {
      cut--;
    }
    int space = text.lastIndexOf(' ', cut);
    if (space > LENGTH / 2) {
      cut = space;
    }
    return HtmlText.escape(text.substring(0, cut).strip()) + "…";
  }

  /** Wraps matches in {@code <mark>} and escapes the rest with {@link HtmlText}. */
  private static final class MarkFormatter extends DefaultPassageFormatter {
    MarkFormatter() {
      super("<mark>", "</mark>", "… ", true);
    }

    @Override
    protected void append(StringBuilder out, String content, int start, int end) {
      HtmlText.append(out, content, start, end);
    }
  }
}
