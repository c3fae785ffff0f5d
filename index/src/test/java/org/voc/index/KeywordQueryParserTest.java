package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeywordQueryParserTest {

  private static final Analyzer ANALYZER = new EnglishAnalyzer();
  private static final KeywordQueryParser PARSER = new KeywordQueryParser(ANALYZER);

  private static Directory directory;
  private static DirectoryReader reader;

  @BeforeAll
  static void indexAFewDocuments() throws IOException {
    directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ANALYZER))) {
      writer.addDocument(IndexSchema.toLucene(TestDocuments.doc("1", "the app crashes").build()));
      writer.addDocument(
          IndexSchema.toLucene(TestDocuments.doc("2", "a refund (finally) \"ok\"").build()));
    }
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  private static void assertRejected(String query, String messagePart) {
    assertThatThrownBy(() -> PARSER.parse(query))
        .as(query)
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("q"))
        .hasMessageContaining(messagePart);
  }

  @Test
  void blankOrDroppedQueryMatchesAll() {
    for (String query : new String[] {"", "  \t\n", "the", "\"\"", "- +", "NOT the", "(the)"}) {
      assertThat(PARSER.parse(query)).as(query).isInstanceOf(MatchAllDocsQuery.class);
    }
  }

  @Test
  void unbalancedQuoteNamesItsPosition() {
    assertRejected("refund \"late parcel", "quote at character 8 is never closed");
  }

  @Test
  void unbalancedParenthesesAreRejected() {
    assertRejected("(refund OR late", "'(' at character 1 is never closed");
    assertRejected("refund)", "')' at character 7 has no matching '('");
    assertRejected("(", "never closed");
    assertRejected(")", "no matching");
  }

  @Test
  void danglingOperatorsAreRejected() {
    assertRejected("refund AND", "AND at character 8 needs a term after it");
    assertRejected("refund OR", "OR at character 8 needs a term after it");
    assertRejected("OR refund", "OR at character 1 needs a term before it");
    assertRejected("AND refund", "AND at character 1 needs a term before it");
    assertRejected("refund NOT", "NOT at character 8 needs a term after it");
    assertRejected("refund AND OR late", "AND at character 8 needs a term after it");
    assertRejected("(refund OR)", "OR at character 9 needs a term after it");
    assertRejected("()", "empty parentheses at character 1");
  }

  @Test
  void operatorWrittenAfterMinusIsAWord() {
    assertThat(PARSER.parse("-AND")).isNotNull();
    assertThat(PARSER.parse("refund -OR")).isNotNull();
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    assertThat(PARSER.parse("(".repeat(8) + "refund" + ")".repeat(8))).isNotNull();
    assertRejected("(".repeat(9) + "refund" + ")".repeat(9), "nested too deeply");
  }

  @Test
  void termLimitCountsWordsPhrasesAndAnalyzedTerms() {
    assertThat(PARSER.parse("refund ".repeat(64))).isNotNull();
    assertRejected("refund ".repeat(65), "too many terms: 65 (at most 64)");
    assertRejected("\"" + "refund ".repeat(65) + "\"", "too many terms");
    // One whitespace-free word that the analyzer splits into 100 terms.
    assertRejected("x;".repeat(100), "too many terms: 100");
  }

  @Test
  void lengthLimitIsTwoThousandCharacters() {
    assertThat(PARSER.parse("x".repeat(2_000))).isNotNull();
    assertRejected("x".repeat(2_001), "too long: 2001 characters");
  }

  @Test
  void customLimitsApply() {
    KeywordQueryParser strict = new KeywordQueryParser(ANALYZER, new QueryLimits(20, 2, 1));

    assertThatThrownBy(() -> strict.parse("a b c")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> strict.parse("((a))")).isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(() -> strict.parse("x".repeat(21)))
        .isInstanceOf(InvalidQueryException.class);
  }

  private static final String NASTY =
      "aAzZ09 \t\n\"\"()()--++*?:~^\\/[]{}!&|'.,;<>é中文🙂\u0000\u200b\ud800\udc00"
          + "ANDORNOT";

  private static final String[] WORDS = {
    " AND ", " OR ", " NOT ", " and ", "crash", "refund", "the", "\"", "(", ")", "-", "+", "*:*",
    "text:", "~2", "^3", "\\", "/.*/", "\ud83d", "\ude00"
  };

  @Test
  void randomInputEitherParsesAndRunsOrIsAnInvalidQuery() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    IndexSearcher searcher = new IndexSearcher(reader);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      String query = randomQuery(random);
      Query lucene;
      try {
        lucene = PARSER.parse(query);
      } catch (InvalidQueryException expected) {
        assertThat(expected.field()).isEqualTo("q");
        assertThat(expected.getMessage()).isNotBlank();
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ", query <" + query + ">", e);
      }
      parsed++;
      try {
        searcher.count(lucene);
      } catch (RuntimeException e) {
        fail("seed " + seed + ", query <" + query + "> parsed but failed to run", e);
      }
    }
    assertThat(parsed).as("seed %d: some random queries are valid", seed).isPositive();
  }

  private static String randomQuery(Random random) {
    StringBuilder query = new StringBuilder();
    int pieces = random.nextInt(12);
    for (int p = 0; p < pieces; p++) {
      if (random.nextBoolean()) {
        query.append(WORDS[random.nextInt(WORDS.length)]);
      } else {
        query.append(NASTY.charAt(random.nextInt(NASTY.length())));
      }
    }
    return query.toString();
  }
}
