package org.voc.index;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.voc.nlp.Analysis;
import org.voc.nlp.AspectMention;
import org.voc.nlp.BrandMention;
import org.voc.nlp.Classification;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.SentenceAnalysis;
import org.voc.nlp.Sentiment;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.TextSpan;
import org.voc.nlp.ThemeMatch;
import org.voc.nlp.Urgency;

/**
 * Latency of the {@code /v1/themes} and {@code /v1/compare} aggregations ({@link
 * DocumentIndex#insights}, plus the significance tests for compare) over synthetic analyzed
 * documents: 52 weeks of reviews in time order, 0-3 themes each (popular themes more often), an
 * own brand on most documents and a mention of a competitor on a quarter, Zipf-distributed key
 * phrases, sentiments skewed per theme and brand. Fixed seed, so the same N gives the same index.
 * Not a test: run it by hand from the repository root after {@code mvn -o -q -pl index -am
 * install -DskipTests}:
 *
 * <pre>
 * mvn -o -q -pl index test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java -Xmx4g -cp index/target/test-classes:index/target/classes:$(cat index/target/test-classpath.txt) \
 *     org.voc.index.InsightsBenchmark 100000 1000000
 * </pre>
 *
 * Arguments: the document counts to measure, and {@code discover} for theme discovery (default:
 * 100000 1000000 discover). Every query runs
 * {@value #WARM_UP} times to warm up, then each {@value #RUNS} times; the median is printed.
 */
public final class InsightsBenchmark {

  private static final String[] THEMES = {"shipping", "price", "support", "quality", "usability",
      "performance", "reliability", "billing", "account", "features", "returns", "packaging"};
  private static final String[] BRANDS = {"acme", "globex", "initech", "umbrella", "hooli", "stark"};
  private static final String[] SOURCES = {"appstore", "zendesk", "twitter", "reddit", "web"};
  private static final int PHRASES = 2_000;
  private static final int ASPECTS = 500;
  private static final Instant START = Instant.parse("2025-12-01T00:00:00Z");
  private static final Duration YEAR = Duration.ofDays(52 * 7);
  private static final int WARM_UP = 5;
  private static final int RUNS = 9;

  private static final String[] URGENCY = {"low", "normal", "high"};

  private final Random random = new Random(42);
  // Its own seed, so the documents are the same as before tickets carried classifiers and urgency.
  private final Random tickets = new Random(7);

  public static void main(String[] args) throws IOException {
    List<String> given = args.length == 0 ? List.of("100000", "1000000", "discover") : List.of(args);
    for (String arg : given) {
      Path dir = Files.createTempDirectory("voc-insights-benchmark");
      try (LuceneDocumentIndex index = LuceneDocumentIndex.open(dir, Duration.ofSeconds(10))) {
        if (arg.equals("discover")) {
          new InsightsBenchmark().discover(index);
        } else {
          new InsightsBenchmark().run(index, Integer.parseInt(arg));
        }
      } finally {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
      }
    }
  }

  /** Theme discovery over 20,000 unthemed documents with 384-dimensional vectors in 6 clusters. */
  private void discover(LuceneDocumentIndex index) throws IOException {
    int dimensions = 384;
    float[][] centres = new float[6][dimensions];
    for (float[] centre : centres) {
      for (int d = 0; d < dimensions; d++) {
        centre[d] = (float) random.nextGaussian();
      }
    }
    for (int i = 0; i < 20_000; i++) {
      int cluster = random.nextInt(centres.length);
      float[] vector = new float[dimensions];
      for (int d = 0; d < dimensions; d++) {
        vector[d] = centres[cluster][d] + (float) random.nextGaussian() * 0.8f;
      }
      String body = "Unthemed review " + i + ".";
      Sentiment neutral = sentiment(SentimentLabel.NEUTRAL);
      Document document = Document.of("web", "u" + i, DocumentKind.REVIEW, body, START.plusSeconds(i));
      Analysis analysis = new Analysis(body, "en", neutral, List.of(new SentenceAnalysis(0, body.length(), body, neutral)),
          List.of("topic " + cluster + " phrase " + random.nextInt(5), "common phrase"), false, START, Map.of());
      index.put(new IndexedDocument(document, analysis, "u" + i), vector);
    }
    index.refresh();
    Map<String, Query> queries = new LinkedHashMap<>();
    queries.put("discover (2,000 of 20,000, 384 dims)", () -> ThemeDiscovery.discover(index, SearchRequest.builder().build()));
    ThemeDiscovery.Result result = ThemeDiscovery.discover(index, SearchRequest.builder().build());
    System.out.printf(Locale.ROOT, "discovery: k = %d, silhouette %.2f, %d proposals, first: %s%n", result.k(),
        result.silhouette(), result.proposals().size(), result.proposals().getFirst().label());
    time(queries.keySet().iterator().next(), queries.values().iterator().next(), 3);
  }

  private void run(LuceneDocumentIndex index, int size) throws IOException {
    long start = System.nanoTime();
    for (int i = 0; i < size; i++) {
      index.put(document(i, size));
    }
    index.refresh();
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%,d documents indexed in %.1f s (%,.0f/s)%n", size, seconds, size / seconds);

    SearchRequest all = SearchRequest.builder().build();
    SearchRequest lastQuarter = SearchRequest.builder().sources(Set.of("appstore", "zendesk"))
        .from(START.plus(YEAR).minus(Duration.ofDays(91))).build();
    SearchRequest threeBrands = SearchRequest.builder().brands(Set.of("acme", "globex", "initech")).build();
    SearchRequest shippingBrands = SearchRequest.builder().brands(Set.of(BRANDS))
        .themes(Set.of("shipping")).build();
    Insights sample = index.insights(all);
    System.out.printf(Locale.ROOT, "  %d themes, %d brands; top theme %s: %,d documents, net %.3f%n",
        sample.themes().size(), sample.brands().size(), sample.themes().getFirst().name(),
        sample.themes().getFirst().volume(), sample.themes().getFirst().netSentiment());
    Map<String, Query> queries = new LinkedHashMap<>();
    queries.put("themes, all documents", () -> index.insights(all));
    queries.put("themes, 2 sources, last 13 weeks", () -> index.insights(lastQuarter));
    queries.put("compare 3 brands", () -> compare(index.insights(threeBrands), List.of("acme", "globex", "initech")));
    queries.put("compare 6 brands, theme=shipping", () -> compare(index.insights(shippingBrands), List.of(BRANDS)));
    Instant end = START.plus(YEAR);
    queries.put("weekly counts, 12 weeks (report)", () -> index.weeklyCounts(SearchRequest.builder()
        .from(end.minus(Duration.ofDays(12 * 7))).to(end).build()));
    queries.put("weekly counts, all 52 weeks", () -> index.weeklyCounts(SearchRequest.builder()
        .from(START).to(end).build()));
    // Every query warms up before any is timed, so the JIT has compiled the shared code by then.
    for (int i = 0; i < WARM_UP; i++) {
      for (Query query : queries.values()) {
        query.run();
      }
    }
    for (Map.Entry<String, Query> query : queries.entrySet()) {
      time(query.getKey(), query.getValue(), RUNS);
    }
  }

  private static Object compare(Insights insights, List<String> brands) {
    Map<String, Insights.SentimentCounts> counts = new LinkedHashMap<>();
    insights.brands().stream().filter(b -> brands.contains(b.name()))
        .forEach(b -> counts.put(b.name(), b.sentiment()));
    counts.values().forEach(c -> SentimentStatistics.netSentiment(c, 0.95));
    return SentimentStatistics.pairwise(counts, 0.05);
  }

  private interface Query {
    Object run() throws IOException;
  }

  /**
   * Prints the median wall time and the median CPU time of the whole process (all slices'
   * threads): on a machine others share, the CPU time moves less than the wall time.
   */
  private static void time(String what, Query query, int runs) throws IOException {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] millis = new long[runs];
    long[] cpuMillis = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      long cpuStart = os.getProcessCpuTime();
      query.run();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
      cpuMillis[i] = (os.getProcessCpuTime() - cpuStart) / 1_000_000;
    }
    Arrays.sort(millis);
    Arrays.sort(cpuMillis);
    System.out.printf(Locale.ROOT, "  %-36s median %5d ms (min %d, max %d), CPU median %d ms%n", what,
        millis[runs / 2], millis[0], millis[runs - 1], cpuMillis[runs / 2]);
  }

  private IndexedDocument document(int i, int size) {
    Instant at = START.plus(Duration.ofMillis((long) (YEAR.toMillis() * (i + random.nextDouble()) / size)));
    String brand = random.nextDouble() < 0.8 ? BRANDS[zipf(BRANDS.length)] : null;
    SentimentLabel overall = label(brand == null ? 0 : Arrays.asList(BRANDS).indexOf(brand) * 0.05);
    List<ThemeMatch> themes = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    StringBuilder text = new StringBuilder("Review ").append(i).append('.');
    int themeCount = pick(new double[] {0.3, 0.4, 0.2, 0.1});
    for (int t = 0; t < themeCount; t++) {
      String theme = THEMES[zipf(THEMES.length)];
      if (themes.stream().noneMatch(m -> m.name().equals(theme))) {
        int from = text.length() + 1;
        text.append(' ').append(theme).append(" was ").append(overall.wireName()).append('.');
        SentimentLabel about = random.nextDouble() < 0.7 ? overall : label(0.1 * (t + 1));
        themes.add(new ThemeMatch(theme, 0.8, sentiment(about),
            List.of(new TextSpan(from, text.length(), text.substring(from)))));
      }
    }
    for (int p = 2 + random.nextInt(3); p > 0; p--) {
      phrases.add("phrase " + zipf(PHRASES));
    }
    List<BrandMention> mentions = new ArrayList<>();
    if (random.nextDouble() < 0.25) {
      String other = BRANDS[zipf(BRANDS.length)];
      int from = text.length() + 1;
      text.append(' ').append(other).append(" is worse.");
      mentions.add(new BrandMention(other, other.equals("acme"), List.of(new TextSpan(from, from + other.length(), other)),
          sentiment(label(-0.1))));
    }
    List<AspectMention> aspects = new ArrayList<>();
    for (int a = random.nextInt(3); a > 0; a--) {
      String term = "aspect " + zipf(ASPECTS);
      aspects.add(new AspectMention(term, 0, 1, label(0), 0.8, List.of()));
    }
    String body = text.toString();
    Document document = new Document("r" + i, SOURCES[random.nextInt(SOURCES.length)], DocumentKind.REVIEW, body,
        null, null, at, null, null, brand, null, null, "en", null);
    Sentiment sentiment = sentiment(overall);
    Analysis analysis = new Analysis(body, "en", sentiment,
        List.of(new SentenceAnalysis(0, body.length(), body, sentiment)), phrases, false, at, Map.of("bench", "1"))
        .withInsights(themes, aspects, mentions);
    return new IndexedDocument(document, ticketFields(analysis), "h" + i);
  }

  /** On 40 % of the documents: an urgency and two classifiers (40 intents, 5 teams), 10 % uncertain. */
  private Analysis ticketFields(Analysis analysis) {
    if (tickets.nextDouble() >= 0.4) {
      return analysis;
    }
    Map<String, Classification> classifications = new LinkedHashMap<>();
    classifications.put("intent", classification("intent_" + zipf(tickets, 40)));
    classifications.put("team", classification("team_" + zipf(tickets, 5)));
    Urgency urgency = new Urgency(URGENCY[zipf(tickets, URGENCY.length)], List.of());
    return analysis.withClassifications(classifications).withUrgency(urgency);
  }

  private Classification classification(String label) {
    boolean uncertain = tickets.nextDouble() < 0.1;
    return new Classification(uncertain ? null : label, uncertain ? 0.3 : 0.9, uncertain, List.of());
  }

  /** A label: negative 30 %, neutral 30 %, positive 40 %, shifted toward negative by {@code skew}. */
  private SentimentLabel label(double skew) {
    double r = random.nextDouble();
    if (r < 0.3 + skew) {
      return SentimentLabel.NEGATIVE;
    }
    return r < 0.6 + skew / 2 ? SentimentLabel.NEUTRAL : SentimentLabel.POSITIVE;
  }

  private static Sentiment sentiment(SentimentLabel label) {
    Sentiment.Probabilities p = switch (label) {
      case NEGATIVE -> new Sentiment.Probabilities(0.8, 0.15, 0.05);
      case NEUTRAL -> new Sentiment.Probabilities(0.1, 0.8, 0.1);
      case POSITIVE -> new Sentiment.Probabilities(0.05, 0.15, 0.8);
    };
    return Sentiment.fromProbabilities(p, List.of());
  }

  private int pick(double[] probabilities) {
    double r = random.nextDouble();
    for (int i = 0; i < probabilities.length; i++) {
      r -= probabilities[i];
      if (r < 0) {
        return i;
      }
    }
    return probabilities.length - 1;
  }

  private int zipf(int n) {
    return zipf(random, n);
  }

  /** 0 .. n-1, value k with weight 1 / (k + 1). */
  private static int zipf(Random random, int n) {
    double total = 0;
    for (int k = 1; k <= n; k++) {
      total += 1.0 / k;
    }
    double r = random.nextDouble() * total;
    for (int k = 1; k <= n; k++) {
      r -= 1.0 / k;
      if (r < 0) {
        return k - 1;
      }
    }
    return n - 1;
  }
}
