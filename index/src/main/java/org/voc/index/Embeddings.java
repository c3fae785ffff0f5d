package org.voc.index;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.VectorUtil;

/**
 * The embeddings of one index: checks them and turns them into the unit vectors the index
 * compares. Thread-safe.
 *
 * <p>The first embedding fixes the dimension (it is read back from the index on open). Lucene
 * would refuse a vector of another dimension too, but deep inside the writer and in its own
 * words; here the message says what went wrong: two encoders.
 */
final class Embeddings {

  // 0 until the index holds an embedding.
  private final AtomicInteger dimension;

  private Embeddings(int dimension) {
    this.dimension = new AtomicInteger(dimension);
  }

  /** The embeddings of the index {@code reader} reads: its dimension, if it has any vectors. */
  static Embeddings of(IndexReader reader) {
    FieldInfo field = FieldInfos.getMergedFieldInfos(reader).fieldInfo(IndexSchema.EMBEDDING);
    return new Embeddings(field == null ? 0 : field.getVectorDimension());
  }

  /** The dimension of the indexed embeddings; 0 while there are none. */
  int dimension() {
    return dimension.get();
  }

  /** A document's {@code embedding} as a unit vector; the first one fixes the dimension. */
  float[] forDocument(float[] embedding) {
    float[] unit = unit(embedding, "embedding");
    int fixed = dimension.compareAndExchange(0, unit.length);
    if (fixed != 0 && fixed != unit.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "embedding has %d dimensions, but this index holds %d-dimensional embeddings:"
                  + " every document must be embedded by the same encoder",
              unit.length,
              fixed));
    }
    return unit;
  }

  /**
   * A query vector as a unit vector. Another dimension than the documents' means the service and
   * the index disagree on the encoder: a configuration error, so not an {@link
   * InvalidQueryException} the user could fix.
   */
  float[] forQuery(float[] queryVector) {
    float[] unit = unit(queryVector, "query vector");
    int indexed = dimension.get();
    if (indexed != 0 && indexed != unit.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "query vector has %d dimensions, but the indexed embeddings have %d:"
                  + " queries must be embedded by the encoder that embedded the documents",
              unit.length,
              indexed));
    }
    return unit;
  }

  private static float[] unit(float[] vector, String what) {
    if (vector.length == 0 || vector.length > KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          what + " must have 1 to " + KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS
              + " dimensions, has " + vector.length);
    }
    for (float value : vector) {
      if (!Float.isFinite(value)) {
        throw new IllegalArgumentException(what + " has a value that is not a finite number");
      }
    }
    // Callers send unit vectors already; normalizing a copy keeps a slightly-off one (or one from
    // another caller) from skewing dot-product scores, which assume unit length.
    try {
      return VectorUtil.l2normalize(vector.clone(), true);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is the zero vector: it has no direction", e);
    }
  }
}
