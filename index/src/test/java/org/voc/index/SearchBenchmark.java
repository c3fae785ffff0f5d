package org.voc.index;

import static org.voc.index.TestDocuments.doc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.voc.index.SearchRequest.Mode;
import org.voc.nlp.SentimentLabel;

/**
 * Indexing rate and search latency (p50 / p99, facets and histogram included) of keyword, semantic
 * and hybrid search, each without filters and with a brand filter, over synthetic documents: short
 * texts from a Zipf-distributed vocabulary and random unit embeddings. Random vectors are the hard
 * case for HNSW (no clusters to exploit), so the recall it prints is a floor, not what real
 * embeddings get. Not a test: run it by hand, from the repository root, after installing the
 * modules it depends on ({@code mvn -o -q -pl index -am install -DskipTests}):
 *
 * <pre>
 * mvn -o -q -pl index test-compile dependency:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * java --add-modules jdk.incubator.vector -Xmx4g \
 *     -cp index/target/test-classes:index/target/classes:$(cat index/target/test-classpath.txt) \
 *     org.voc.index.SearchBenchmark 100000 384 200
 * </pre>
 *
 * Arguments: documents, dimensions, queries per line (defaults as above). The vector module is
 * what the {@code voc} launcher passes too; without it Lucene compares vectors without SIMD. The
 * index goes to a temporary directory that is deleted afterwards.
 */
public final class SearchBenchmark {

  private static final String[] TOPICS = {
    "refund", "delivery", "battery", "crash", "price", "support", "update", "login", "screen",
    "charger", "shipping", "quality", "size", "color", "warranty", "app", "password", "slow",
  };
  private static final String[] BRANDS =
      IntStream.range(0, 20).mapToObj(i -> "brand" + i).toArray(String[]::new);
  private static final String[] SOURCES = {"shop", "forum", "zendesk", "appstore", "survey"};

  private static final int WARM_UP = 500;

  private final Random random = new Random(42);
  private final int dimensions;

  private SearchBenchmark(int dimensions) {
    this.dimensions = dimensions;
  }

  public static void main(String[] args) throws IOException {
    int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int dimensions = args.length > 1 ? Integer.parseInt(args[1]) : 384;
    int queries = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    Path dir = Files.createTempDirectory("voc-search-benchmark");
    try (LuceneDocumentIndex index = LuceneDocumentIndex.open(dir, Duration.ofSeconds(1))) {
      new SearchBenchmark(dimensions).run(index, dir, documents, queries);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  private void run(LuceneDocumentIndex index, Path dir, int documents, int queries)
      throws IOException {
    float[][] vectors = new float[documents][];
    long start = System.nanoTime();
    for (int i = 0; i < documents; i++) {
      vectors[i] = unitVector();
      index.put(document(i), vectors[i]);
    }
    double putSeconds = seconds(start);
    index.commit(Map.of());
    index.refresh();
    double allSeconds = seconds(start);
    print("indexed %d docs (%d-dim): puts %.1f s (%.0f docs/s), with commit %.1f s (%.0f docs/s),"
            + " %d MiB on disk",
        documents, dimensions, putSeconds, documents / putSeconds, allSeconds,
        documents / allSeconds, sizeOf(dir) >> 20);

    for (Mode mode : Mode.values()) {
      for (boolean byBrand : new boolean[] {false, true}) {
        String name = mode.name().toLowerCase(Locale.ROOT) + (byBrand ? " + brand" : "");
        latency(index, name, queries, () -> request(mode, byBrand));
      }
    }
    recall(index, vectors, Math.min(queries, 50));
  }

  private SearchRequest request(Mode mode, boolean byBrand) {
    SearchRequest.Builder request =
        SearchRequest.builder().mode(mode).limit(10).queryVector(unitVector())
            .query(topic() + " " + topic());
    return (byBrand ? request.brands(Set.of(BRANDS[random.nextInt(BRANDS.length)])) : request)
        .build();
  }

  /** Latency of {@code queries} requests, after {@value #WARM_UP} unmeasured ones for the JIT. */
  private void latency(LuceneDocumentIndex index, String name, int queries,
      Supplier<SearchRequest> requests) throws IOException {
    for (int i = 0; i < WARM_UP; i++) {
      index.search(requests.get());
    }
    long[] nanos = new long[queries];
    long totals = 0;
    for (int i = 0; i < queries; i++) {
      SearchRequest request = requests.get();
      long start = System.nanoTime();
      totals += index.search(request).total();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    print("%-16s p50 %6.1f ms  p99 %6.1f ms  (%d queries, mean total %d)",
        name, nanos[(queries - 1) / 2] / 1e6, nanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6,
        queries, totals / queries);
  }

  /** How many of the exact 10 nearest the semantic top 10 finds, unfiltered. */
  private void recall(LuceneDocumentIndex index, float[][] vectors, int queries)
      throws IOException {
    int found = 0;
    for (int q = 0; q < queries; q++) {
      float[] query = unitVector();
      Set<String> exact = new HashSet<>(exactTop10(vectors, query));
      SearchRequest request =
          SearchRequest.builder().mode(Mode.SEMANTIC).query("x").queryVector(query).limit(10)
              .build();
      for (SearchResult.Hit hit : index.search(request).hits()) {
        found += exact.contains(hit.id()) ? 1 : 0;
      }
    }
    print("semantic recall@10 vs exact search: %.3f (%d queries)", found / (10.0 * queries),
        queries);
  }

  private static List<String> exactTop10(float[][] vectors, float[] query) {
    PriorityQueue<Integer> best =
        new PriorityQueue<>(Comparator.comparingDouble((Integer i) -> dot(vectors[i], query)));
    for (int i = 0; i < vectors.length; i++) {
      best.add(i);
      if (best.size() > 10) {
        best.poll();
      }
    }
    return best.stream().map(SearchBenchmark::id).toList();
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.mapToLong(file -> file.toFile().length()).sum();
    }
  }

  private IndexedDocument document(int i) {
    List<String> words = new ArrayList<>();
    for (int w = 8 + random.nextInt(12); w > 0; w--) {
      words.add(random.nextInt(4) == 0 ? TOPICS[zipf(TOPICS.length)] : "w" + zipf(2_000));
    }
    return doc(id(i), String.join(" ", words))
        .brand(BRANDS[zipf(BRANDS.length)])
        .source(SOURCES[random.nextInt(SOURCES.length)])
        .sentiment(SentimentLabel.values()[random.nextInt(3)])
        .createdAt(TestDocuments.MONDAY_W47.minus(random.nextInt(730), ChronoUnit.DAYS))
        .build();
  }

  private String topic() {
    return TOPICS[random.nextInt(TOPICS.length)];
  }

  private static String id(int i) {
    return String.format(Locale.ROOT, "d%07d", i);
  }

  // A rough Zipf: rank r is drawn about twice as often as rank 2r.
  private int zipf(int n) {
    return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, random.nextDouble()) - 1));
  }

  private float[] unitVector() {
    float[] vector = new float[dimensions];
    double norm = 0;
    for (int d = 0; d < dimensions; d++) {
      vector[d] = (float) random.nextGaussian();
      norm += vector[d] * vector[d];
    }
    for (int d = 0; d < dimensions; d++) {
      vector[d] /= (float) Math.sqrt(norm);
    }
    return vector;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      sum += a[d] * b[d];
    }
    return sum;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void print(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
