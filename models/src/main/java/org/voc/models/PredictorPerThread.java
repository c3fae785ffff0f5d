package org.voc.models;

import ai.djl.inference.Predictor;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * Gives each calling thread its own DJL {@link Predictor}: a predictor is not thread-safe, the
 * model under it is. Meant for a bounded pool of worker threads; every predictor made is closed
 * with this.
 */
final class PredictorPerThread<I, O> implements AutoCloseable {

  private final Supplier<Predictor<I, O>> factory;
  private final Queue<Predictor<I, O>> made = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<Predictor<I, O>> local;
  private volatile boolean closed;

  PredictorPerThread(Supplier<Predictor<I, O>> factory) {
    this.factory = factory;
    this.local = ThreadLocal.withInitial(this::make);
  }

  Predictor<I, O> get() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    return local.get();
  }

  /** How many threads have a predictor; for tests and metrics. */
  int count() {
    return made.size();
  }

  private Predictor<I, O> make() {
    Predictor<I, O> predictor = factory.get();
    made.add(predictor);
    if (closed) {
      // close() ran while this one was being made and may have missed it.
      close();
      throw new IllegalStateException("closed");
    }
    return predictor;
  }

  /** Closes every predictor; callers must have finished with them. */
  @Override
  public void close() {
    closed = true;
    Predictor<I, O> predictor;
    while ((predictor = made.poll()) != null) {
      predictor.close();
    }
  }
}
