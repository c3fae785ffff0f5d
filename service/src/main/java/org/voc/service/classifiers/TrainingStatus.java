package org.voc.service.classifiers;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where a classifier's training through the API stands.
 *
 * @param state {@code queued}, {@code training}, {@code done} or {@code failed}
 * @param phase {@code embedding} or {@code training} while it runs
 * @param done how much of the phase is done, of {@code total}
 * @param error why it failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingStatus(String state, String phase, long done, long total, String error, int rows,
    Instant queuedAt, Instant startedAt, Instant finishedAt) {

  static TrainingStatus queued(int rows, Instant at) {
    return new TrainingStatus("queued", null, 0, 0, null, rows, at, null, null);
  }

  TrainingStatus progress(String phase, long done, long total, Instant at) {
    return new TrainingStatus("training", phase, done, total, null, rows, queuedAt, startedAt == null ? at : startedAt,
        null);
  }

  TrainingStatus finished(Instant at) {
    return new TrainingStatus("done", null, 0, 0, null, rows, queuedAt, startedAt, at);
  }

  TrainingStatus failed(String why, Instant at) {
    return new TrainingStatus("failed", null, 0, 0, why, rows, queuedAt, startedAt, at);
  }

  boolean running() {
    return state.equals("queued") || state.equals("training");
  }
}
