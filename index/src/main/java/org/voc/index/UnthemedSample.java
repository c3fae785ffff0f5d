package org.voc.index;

import java.util.List;

/**
 * Matching documents with an embedding and no theme: how many there are ({@code population}) and
 * a seeded uniform sample of them, in index order.
 */
public record UnthemedSample(long population, List<VectorSample> documents) {

  public UnthemedSample {
    documents = List.copyOf(documents);
  }
}
