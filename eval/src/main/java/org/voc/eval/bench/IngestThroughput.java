package org.voc.eval.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.voc.models.EncoderSettings;
import org.voc.models.OnnxTextEncoder;
import org.voc.nlp.ShippedSentiment;

/**
 * Documents per second end to end: batches POSTed to {@code /v1/documents} (journaled, answered),
 * analyzed by the workers, indexed, until search finds the last one. Four services run side by side
 * on the same texts: the default {@code analysis.sentiment: ensemble} (transformer and CoreNLP),
 * {@code transformer} (CoreNLP still splits, tags and parses every text for key phrases and aspects,
 * and the target model scores themes, brands and aspects; only CoreNLP's sentiment is not
 * consulted), and {@code analysis.pipeline: fast}, the transformer-only path (one encoder pass over
 * the sentences, no parse), with the fine-tuned sentiment layers and with {@code sentiment:
 * transformer-head} (the head over frozen vectors: nothing but the encoder). The baseline is the encoder alone (the shipped encoder's DJL ONNX Runtime
 * predictor, {@link OnnxTextEncoder#embed}) over the same texts in the same batches, in this JVM:
 * what the path would cost if nothing but the transformer ran. Runs are interleaved (ensemble,
 * transformer, fast, fast-head, encoder, ...) after one warm-up of each.
 */
final class IngestThroughput {

  private static final long MAX_WAIT_NANOS = 30L * 60 * 1_000_000_000;

  private final List<String> texts;
  private final int batch;

  IngestThroughput(List<String> texts, int batch) {
    this.texts = texts;
    this.batch = batch;
  }

  List<Figure> measure(int runs, String serviceClasspath) throws Exception {
    try (ScratchDir dir = ScratchDir.create("voc-bench-ingest");
        VocService ensemble = VocService.start("ensemble", "{sentiment: ensemble}", serviceClasspath, dir.path());
        VocService transformer = VocService.start("transformer", "{sentiment: transformer}", serviceClasspath,
            dir.path());
        VocService fast = VocService.start("fast", "{pipeline: fast}", serviceClasspath, dir.path());
        VocService fastHead = VocService.start("fast-head", "{pipeline: fast, sentiment: transformer-head}",
            serviceClasspath, dir.path());
        OnnxTextEncoder encoder = ShippedSentiment.encoderModel().load(EncoderSettings.defaults())) {
      List<VocService> services = List.of(ensemble, transformer, fast, fastHead);
      for (VocService service : services) {
        service.awaitHealthy();
      }
      System.err.printf(Locale.ROOT, "ingest: %d documents in batches of %d; warming up%n", texts.size(), batch);
      List<String> warmUp = texts.subList(0, Math.min(texts.size(), 2 * batch));
      for (VocService service : services) {
        ingest(service, "warm-up", warmUp);
      }
      encode(encoder, texts);
      int baseline = services.size();
      double[][] perSecond = new double[baseline + 1][runs];
      for (int r = 0; r < runs; r++) {
        String source = "bench-" + (r + 1);
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < baseline; s++) {
          perSecond[s][r] = texts.size() / ingest(services.get(s), source, texts);
          line.append(String.format(Locale.ROOT, "%s %.2f docs/s, ", services.get(s).name(), perSecond[s][r]));
        }
        perSecond[baseline][r] = texts.size() / encode(encoder, texts);
        System.err.printf(Locale.ROOT, "ingest run %d: %sencoder %.1f docs/s%n", r + 1, line, perSecond[baseline][r]);
      }
      double encoderMedian = Timings.median(perSecond[baseline]);
      List<Figure> figures = new ArrayList<>(List.of(
          new Figure("ingest, ensemble (transformer + CoreNLP)", "docs/s", Timings.median(perSecond[0]),
              encoderMedian, "", null),
          new Figure("ingest, sentiment: transformer (CoreNLP still parses)", "docs/s", Timings.median(perSecond[1]),
              encoderMedian, "", null),
          transformerOnly("ingest, pipeline: fast (transformer only)", perSecond[2], encoderMedian),
          transformerOnly("ingest, pipeline: fast, sentiment: transformer-head", perSecond[3], encoderMedian)));
      for (VocService service : services) {
        double gib = service.rssBytes() / (double) (1L << 30);
        figures.add(new Figure("RSS of voc serve (" + service.name() + ") after these runs", "GiB", gib,
            Double.NaN, "<= 3 GiB", gib <= 3));
      }
      return figures;
    }
  }

  private static Figure transformerOnly(String name, double[] perSecond, double encoderMedian) {
    double median = Timings.median(perSecond);
    return new Figure(name, "docs/s", median, encoderMedian, ">= 0.9x encoder", median >= 0.9 * encoderMedian);
  }

  /** Seconds from the first POST until search finds every document of {@code source}. */
  private double ingest(VocService service, String source, List<String> documents)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    for (int from = 0; from < documents.size(); from += batch) {
      List<Map<String, Object>> posted = new ArrayList<>();
      for (int i = from; i < Math.min(documents.size(), from + batch); i++) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", source + "-" + i);
        document.put("source", source);
        document.put("kind", "review");
        document.put("text", documents.get(i));
        posted.add(document);
      }
      service.post(posted);
    }
    double durable = (System.nanoTime() - start) / 1e9;
    while (service.searchable(source) < documents.size()) {
      service.checkAlive();
      if (System.nanoTime() - start > MAX_WAIT_NANOS) {
        throw new IOException(source + ": not every document searchable after 30 minutes");
      }
      Thread.sleep(100);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(Locale.ROOT, "  %s, %s: all %d acknowledged after %.1f s, searchable after %.1f s%n",
        service.name(), source, documents.size(), durable, seconds);
    return seconds;
  }

  /** Seconds the encoder alone takes over {@code documents} in batches of {@link #batch}. */
  private double encode(OnnxTextEncoder encoder, List<String> documents) {
    long start = System.nanoTime();
    for (int from = 0; from < documents.size(); from += batch) {
      encoder.embed(documents.subList(from, Math.min(documents.size(), from + batch)));
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
