package org.voc.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Proposes new themes: clusters the embeddings of matching documents that have no theme (a
 * seeded sample of at most {@link #MAX_SAMPLE}) with k-means++ (commons-math), k chosen by the
 * mean silhouette over {@link #MIN_K}..{@link #MAX_K}, and labels each cluster by class-based
 * TF-IDF of its documents' key phrases (a phrase frequent in this cluster and rare in the
 * others ranks first). Documents without embeddings are not clustered: with none, there is
 * nothing to propose.
 */
public final class ThemeDiscovery {

  /** Documents clustered at most. */
  public static final int MAX_SAMPLE = 2_000;

  /** The seed of the sample and of k-means++, so a proposal is the same on every run. */
  public static final long SEED = 42;

  static final int MIN_K = 2;
  static final int MAX_K = 8;

  /** Fewer unthemed documents than this: no proposals. */
  static final int MIN_DOCUMENTS = 10;

  // Silhouettes are computed on at most this many points (quadratic in them).
  private static final int SILHOUETTE_POINTS = 400;
  private static final int MAX_ITERATIONS = 50;
  private static final int PHRASES = 5;
  private static final int LABEL_PHRASES = 3;
  private static final int EXAMPLES = 3;

  private ThemeDiscovery() {}

  /**
   * One proposed theme.
   *
   * @param label its top key phrases, joined by " / "
   * @param size sampled documents in the cluster
   * @param estimatedVolume matching unthemed documents the cluster stands for (size scaled up by
   *     the sampling rate)
   * @param keyPhrases the cluster's key phrases by class-based TF-IDF, best first
   * @param examples the documents nearest the cluster's centre, snippet HTML-escaped
   */
  public record Proposal(String label, int size, long estimatedVolume, List<String> keyPhrases,
      List<Insights.Example> examples) {}

  /**
   * What discovery did: how many matching documents had no theme (and an embedding), how many
   * were clustered, the k chosen and its mean silhouette (-1 to 1; 0 when nothing was clustered).
   */
  public record Result(long unthemed, int sampled, int k, double silhouette, List<Proposal> proposals) {}

  /** Proposals for the documents that match {@code request}'s keywords and filters. */
  public static Result discover(DocumentIndex index, SearchRequest request) throws IOException {
    UnthemedSample sample = index.unthemedSample(request, MAX_SAMPLE, SEED);
    List<VectorSample> docs = sample.documents();
    if (docs.size() < MIN_DOCUMENTS) {
      return new Result(sample.population(), docs.size(), 0, 0, List.of());
    }
    List<Point> points = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      points.add(new Point(i, toDoubles(docs.get(i).vector())));
    }
    Clustering best = null;
    int maxK = Math.min(MAX_K, docs.size() / 3);
    for (int k = MIN_K; k <= maxK; k++) {
      KMeansPlusPlusClusterer<Point> clusterer = new KMeansPlusPlusClusterer<>(k, MAX_ITERATIONS,
          new EuclideanDistance(), new JDKRandomGenerator((int) SEED));
      List<CentroidCluster<Point>> clusters;
      try {
        clusters = clusterer.cluster(points);
      } catch (ConvergenceException | MathIllegalArgumentException e) {
        continue; // too few distinct points for k clusters
      }
      double silhouette = silhouette(clusters, docs.size());
      if (best == null || silhouette > best.silhouette + 1e-9) {
        best = new Clustering(k, clusters, silhouette);
      }
    }
    if (best == null) {
      return new Result(sample.population(), docs.size(), 0, 0, List.of());
    }
    double scale = sample.population() / (double) docs.size();
    int minSize = Math.max(3, docs.size() / 50);
    List<List<String>> phrasesPerCluster = new ArrayList<>();
    for (CentroidCluster<Point> cluster : best.clusters) {
      List<String> phrases = new ArrayList<>();
      cluster.getPoints().forEach(p -> phrases.addAll(docs.get(p.index).keyPhrases()));
      phrasesPerCluster.add(phrases);
    }
    List<List<String>> labels = ClassTfIdf.top(phrasesPerCluster, PHRASES);
    List<Proposal> proposals = new ArrayList<>();
    for (int c = 0; c < best.clusters.size(); c++) {
      CentroidCluster<Point> cluster = best.clusters.get(c);
      if (cluster.getPoints().size() < minSize) {
        continue;
      }
      List<String> phrases = labels.get(c);
      String label = phrases.isEmpty() ? "unlabelled cluster " + (c + 1)
          : String.join(" / ", phrases.subList(0, Math.min(LABEL_PHRASES, phrases.size())));
      proposals.add(new Proposal(label, cluster.getPoints().size(),
          Math.round(cluster.getPoints().size() * scale), phrases, examples(index, cluster, docs)));
    }
    proposals.sort(Comparator.comparingInt(Proposal::size).reversed().thenComparing(Proposal::label));
    return new Result(sample.population(), docs.size(), best.k, best.silhouette, proposals);
  }

  private static List<Insights.Example> examples(DocumentIndex index, CentroidCluster<Point> cluster,
      List<VectorSample> docs) throws IOException {
    double[] centre = cluster.getCenter().getPoint();
    EuclideanDistance distance = new EuclideanDistance();
    List<Point> nearest = cluster.getPoints().stream()
        .sorted(Comparator.comparingDouble((Point p) -> distance.compute(p.vector, centre))
            .thenComparingInt(p -> p.index))
        .limit(EXAMPLES)
        .toList();
    List<Insights.Example> examples = new ArrayList<>();
    for (Point point : nearest) {
      Optional<IndexedDocument> indexed = index.get(docs.get(point.index).key());
      indexed.ifPresent(d -> examples.add(new Insights.Example(d.document().source(), d.document().id(),
          d.document().createdAt(), d.analysis().sentiment() == null ? null : d.analysis().sentiment().label(),
          Snippets.opening(IndexSchema.textOf(d)))));
    }
    return examples;
  }

  /** The mean silhouette of an evenly spaced subset of the points (they are a random sample already). */
  static double silhouette(List<CentroidCluster<Point>> clusters, int n) {
    int step = Math.max(1, (n + SILHOUETTE_POINTS - 1) / SILHOUETTE_POINTS);
    List<Point> subset = new ArrayList<>();
    Map<Point, Integer> clusterOf = new HashMap<>();
    for (int c = 0; c < clusters.size(); c++) {
      for (Point p : clusters.get(c).getPoints()) {
        clusterOf.put(p, c);
        if (p.index % step == 0) {
          subset.add(p);
        }
      }
    }
    EuclideanDistance distance = new EuclideanDistance();
    double sum = 0;
    for (Point p : subset) {
      double[] total = new double[clusters.size()];
      int[] count = new int[clusters.size()];
      for (Point q : subset) {
        if (q != p) {
          int c = clusterOf.get(q);
          total[c] += distance.compute(p.vector, q.vector);
          count[c]++;
        }
      }
      int own = clusterOf.get(p);
      if (count[own] == 0) {
        continue; // a singleton scores 0
      }
      double a = total[own] / count[own];
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < clusters.size(); c++) {
        if (c != own && count[c] > 0) {
          b = Math.min(b, total[c] / count[c]);
        }
      }
      if (Double.isFinite(b) && Math.max(a, b) > 0) {
        sum += (b - a) / Math.max(a, b);
      }
    }
    return subset.isEmpty() ? 0 : sum / subset.size();
  }

  private static double[] toDoubles(float[] vector) {
    double[] values = new double[vector.length];
    for (int i = 0; i < vector.length; i++) {
      values[i] = vector[i];
    }
    return values;
  }

  /** A sampled document as commons-math sees it. */
  static final class Point implements Clusterable {
    final int index;
    final double[] vector;

    Point(int index, double[] vector) {
      this.index = index;
      this.vector = vector;
    }

    @Override
    public double[] getPoint() {
      return vector;
    }
  }

  private record Clustering(int k, List<CentroidCluster<Point>> clusters, double silhouette) {}
}
