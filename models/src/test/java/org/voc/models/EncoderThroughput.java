package org.voc.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures encoder throughput on SST-2's 872 dev sentences, and head training time. Not a test:
 * run it by hand on a quiet machine, from the repository root:
 *
 * <pre>
 * mvn -o -q -pl models test-compile dependency:build-classpath -Dmdep.outputFile=models/target/cp.txt
 * java -Xmx3g -cp models/target/test-classes:models/target/classes:$(cat models/target/cp.txt) \
 *     org.voc.models.EncoderThroughput /work/shared/data/sst2/dev.tsv [MINILM_L6_V2] [BGE_SMALL_EN_V15]
 * </pre>
 *
 * <p>For each encoder it compares (a) {@link OnnxTextEncoder} (sorted by length, dynamic batches),
 * (b) ONNX Runtime called directly on batches of 32 in file order, each padded to its longest text,
 * and (c) batches of 64 padded to 128 tokens; then ONNX Runtime thread settings with one and two
 * calling threads. Run one model per JVM for memory figures that are that model's alone. The
 * baseline uses the same session settings as ours ({@link
 * EncoderSettings#defaults()}), so only the batching differs. {@code -Dreps=N} sets the timed repetitions (median reported; default 3); {@code -Dtop=FILE} adds the fine-tuned sentiment path, on PyTorch and inside ONNX Runtime; {@code -Dthreads=false} and {@code -Dheads=false} skip those sections.
 */
public final class EncoderThroughput {

  private static final int REPS = Integer.getInteger("reps", 3);
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private EncoderThroughput() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args.length > 0 ? args[0] : "/work/shared/data/sst2/dev.tsv");
    List<EncoderModel> models =
        args.length > 1
            ? Arrays.stream(args, 1, args.length).map(EncoderModel::valueOf).toList()
            : List.of(EncoderModel.values());
    List<String> texts = sentences(data);
    System.out.printf(
        Locale.ROOT, "%d texts from %s; %d cores; Java %s; reps %d%n%n",
        texts.size(), data, CORES, Runtime.version(), REPS);
    for (EncoderModel model : models) {
      encoders(model, texts);
    }
    if (Boolean.parseBoolean(System.getProperty("heads", "true"))) {
      heads();
    }
  }

  private static void encoders(EncoderModel model, List<String> texts) throws Exception {
    System.out.printf(Locale.ROOT, "## %s%n%s%n", model.id(), Memory.now("before load"));
    EncoderSettings settings = EncoderSettings.defaults();
    long start = System.nanoTime();
    try (OnnxTextEncoder encoder = model.load(settings)) {
      System.out.printf(
          Locale.ROOT, "loaded in %d ms; %s%n", (System.nanoTime() - start) / 1_000_000,
          Memory.now("after load"));
      float[][] ours = encoder.embed(texts);
      System.out.println(Memory.now("after embedding every text once"));
      try (FixedBatchOnnxLoop loop = new FixedBatchOnnxLoop(model, settings)) {
        padding(loop.tokenLengths(texts));
        System.out.printf(
            Locale.ROOT, "max |(a) - (b)| over all vectors: %.2e%n",
            maxDiff(ours, loop.embed(texts, 32, false)));
        List<Variant> variants = new ArrayList<>(List.of(
            new Variant("(a) ours: sorted, dynamic batches <=32 / 4096 tokens",
                () -> encoder.embed(texts)),
            new Variant("(b) raw ORT: file order, batches of 32, pad to longest",
                () -> loop.embed(texts, 32, false)),
            new Variant("(c) raw ORT: file order, batches of 64, pad to 128",
                () -> loop.embed(texts, 64, true))));
        String topFile = System.getProperty("top");
        if (topFile == null) {
          // Interleaved rounds, so that load from other processes hits every variant alike.
          compare(texts, variants);
        } else {
          sentimentPath(model, settings, Path.of(topFile), texts, variants);
        }
      }
    }
    if (Boolean.parseBoolean(System.getProperty("threads", "true"))) {
      threads(model, texts);
    }
    System.out.println(Memory.now("end") + "\n");
  }

  /**
   * Adds the fine-tuned sentiment path ({@code -Dtop=transformer-top.bin}): (e) is (a) with the layer
   * below the tuned top tapped, (d) that plus the top layers and classifier on PyTorch, (f) the same
   * layers and classifier run by ONNX Runtime inside the encoder's pass ({@link TunedTopGraph}).
   */
  private static void sentimentPath(EncoderModel model, EncoderSettings settings, Path topFile,
      List<String> texts, List<Variant> variants) throws Exception {
    BertTopFile.Weights weights;
    try (java.io.InputStream in = Files.newInputStream(topFile)) {
      weights = BertTopFile.read(in);
    }
    Memory beforeFused = Memory.now("before loading the fused encoder");
    try (OnnxTextEncoder fused = model.load(settings, weights.firstLayer() - 1, weights)) {
      Memory afterFused = Memory.now("after loading the fused encoder");
      try (java.io.InputStream in = Files.newInputStream(topFile);
          BertTopFile.Loaded top = BertTopFile.load(in);
          OnnxTextEncoder tapped = model.load(settings, top.top().firstLayer() - 1)) {
        System.out.printf(Locale.ROOT, "%s; %s; %s%n", beforeFused, afterFused,
            Memory.now("after loading the tapped encoder and the PyTorch top"));
        OnnxTextEncoder.Encoded encoded = fused.encode(texts);
        float[][] onPyTorch = top.top().logits(encoded.hidden(), encoded.tokens());
        System.out.printf(Locale.ROOT, "max |(f) - (d)| over all logits: %.2e%n", maxDiff(encoded.logits(), onPyTorch));
        variants.add(new Variant("(e) ours, tapped layer " + tapped.tapLayer() + " only",
            () -> tapped.encode(texts).vectors()));
        variants.add(new Variant("(d) ours, tapped + fine-tuned top " + top.top().layers() + " layers",
            () -> {
              OnnxTextEncoder.Encoded tappedOnly = tapped.encode(texts);
              top.top().probabilities(tappedOnly.hidden(), tappedOnly.tokens());
              return tappedOnly.vectors();
            }));
        variants.add(new Variant("(f) ours, fine-tuned top " + weights.layers() + " layers inside ONNX Runtime",
            () -> fused.encode(texts).logits()));
        compare(texts, variants);
      }
    }
  }

  /** ONNX Runtime threads per call and spinning, with one caller and with two at once. */
  private static void threads(EncoderModel model, List<String> texts) throws Exception {
    List<OnnxTextEncoder> encoders = new ArrayList<>();
    List<Variant> variants = new ArrayList<>();
    try {
      for (int threads : new int[] {1, CORES}) {
        for (boolean spin : new boolean[] {false, true}) {
          OnnxTextEncoder encoder =
              model.load(EncoderSettings.defaults().withIntraOpThreads(threads).withSpinWait(spin));
          encoders.add(encoder);
          String name = String.format(Locale.ROOT, "intraOpThreads=%d spin=%s", threads, spin);
          variants.add(new Variant(name + ", 1 caller", () -> encoder.embed(texts)));
          variants.add(new Variant(name + ", 2 callers", () -> inTwoThreads(encoder, texts)));
        }
      }
      compare(texts, variants);
    } finally {
      encoders.forEach(OnnxTextEncoder::close);
    }
  }

  private static void heads() {
    int n = 20_000;
    int dim = 384;
    Random random = new Random(1);
    float[][] teacher = new float[3][dim];
    for (float[] row : teacher) {
      fill(row, random);
    }
    float[][] x = new float[n][dim];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      fill(x[i], random);
      y[i] = argmaxDot(teacher, x[i]);
    }
    System.out.println("## SoftmaxHead training, 20,000 x 384, 3 classes (labels from a random linear teacher)");
    for (TrainingOptions options :
        List.of(
            TrainingOptions.builder().epochs(20).validationFraction(0).build(),
            TrainingOptions.builder().build())) {
      long start = System.nanoTime();
      SoftmaxHead head = new SoftmaxHeadTrainer(options).train(x, y, 3);
      long ms = (System.nanoTime() - start) / 1_000_000;
      TrainingReport report = head.training().orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "epochs<=%d batch %d holdout %.2f: %d ms, %d epochs run (%.0f ms/epoch), best %d, train acc %.4f%n",
          options.epochs(), options.batchSize(), options.validationFraction(), ms,
          report.epochsRun(), (double) ms / report.epochsRun(), report.bestEpoch(),
          report.train().accuracy());
    }
    System.out.println(Memory.now("end"));
  }

  private interface Work {
    Object run() throws Exception;
  }

  private record Variant(String label, Work work) {}

  /** Warms every variant up, then runs them in turn {@code REPS} times; prints best and median. */
  private static void compare(List<String> texts, List<Variant> variants) throws Exception {
    double[][] seconds = new double[variants.size()][REPS];
    for (Variant variant : variants) {
      variant.work().run();
    }
    for (int r = 0; r < REPS; r++) {
      for (int v = 0; v < variants.size(); v++) {
        long start = System.nanoTime();
        variants.get(v).work().run();
        seconds[v][r] = (System.nanoTime() - start) / 1e9;
      }
    }
    double first = 0;
    for (int v = 0; v < variants.size(); v++) {
      Arrays.sort(seconds[v]);
      double best = texts.size() / seconds[v][0];
      double median = texts.size() / seconds[v][REPS / 2];
      first = v == 0 ? best : first;
      System.out.printf(
          Locale.ROOT, "| %-56s | best %6.1f texts/s | median %6.1f texts/s | %.2fx the first |%n",
          variants.get(v).label(), best, median, best / first);
    }
  }

  private static float[][] inTwoThreads(TextEncoder encoder, List<String> texts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      int half = texts.size() / 2;
      Future<float[][]> first = pool.submit(() -> encoder.embed(texts.subList(0, half)));
      Future<float[][]> second = pool.submit(() -> encoder.embed(texts.subList(half, texts.size())));
      first.get();
      return second.get();
    } finally {
      pool.shutdown();
    }
  }

  private static void padding(int[] lengths) {
    long real = Arrays.stream(lengths).asLongStream().sum();
    long sorted = 0;
    for (int[] batch : LengthSortedBatches.plan(lengths, 32, 4096)) {
      sorted += (long) batch.length * Arrays.stream(batch).map(i -> lengths[i]).max().orElse(0);
    }
    long inOrder = 0;
    for (int start = 0; start < lengths.length; start += 32) {
      int end = Math.min(lengths.length, start + 32);
      inOrder += (long) (end - start) * Arrays.stream(lengths, start, end).max().orElse(0);
    }
    System.out.printf(
        Locale.ROOT,
        "tokens: %d real (mean %.1f, max %d); positions run: (a) %d, (b) %d, (c) %d%n",
        real, (double) real / lengths.length, Arrays.stream(lengths).max().orElse(0),
        sorted, inOrder, (long) lengths.length * 128);
  }

  static List<String> sentences(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).startsWith("sentence\t")) {
      throw new IOException(tsv + ": expected a header line 'sentence<TAB>label'");
    }
    List<String> texts = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        texts.add(line.substring(0, line.lastIndexOf('\t')).strip());
      }
    }
    return texts;
  }

  private static double maxDiff(float[][] a, float[][] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int d = 0; d < a[i].length; d++) {
        max = Math.max(max, Math.abs(a[i][d] - b[i][d]));
      }
    }
    return max;
  }

  private static void fill(float[] row, Random random) {
    for (int d = 0; d < row.length; d++) {
      row[d] = (float) random.nextGaussian();
    }
    Pooling.normalize(row);
  }

  private static int argmaxDot(float[][] rows, float[] x) {
    int best = 0;
    double bestDot = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < rows.length; c++) {
      double dot = 0;
      for (int d = 0; d < x.length; d++) {
        dot += rows[c][d] * x[d];
      }
      if (dot > bestDot) {
        bestDot = dot;
        best = c;
      }
    }
    return best;
  }

  /** The process's resident memory now and at its peak, and the Java heap in use. */
  private record Memory(String when, long rssMb, long peakRssMb, long heapMb) {

    static Memory now(String when) {
      System.gc();
      Runtime runtime = Runtime.getRuntime();
      long heap = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
      long rss = 0;
      long peak = 0;
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmRSS:")) {
            rss = kb(line) >> 10;
          } else if (line.startsWith("VmHWM:")) {
            peak = kb(line) >> 10;
          }
        }
      } catch (IOException e) {
        // Not Linux: heap only.
      }
      return new Memory(when, rss, peak, heap);
    }

    private static long kb(String line) {
      return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "memory %s: RSS %d MB (peak %d MB), heap used %d MB", when, rssMb, peakRssMb, heapMb);
    }
  }
}
