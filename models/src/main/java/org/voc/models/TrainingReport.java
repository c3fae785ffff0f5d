package org.voc.models;

import java.util.Optional;

/**
 * Where a trained head came from, saved beside its weights so that a number can be traced back to
 * the data and settings that produced it.
 *
 * @param dataChecksum SHA-256 of the features and labels, so a silent data change shows
 * @param epochsRun how many epochs ran before stopping
 * @param bestEpoch the epoch whose weights were kept (the lowest held-out loss, else the last)
 * @param train scores on the examples trained on
 * @param validation scores on the held-out examples; empty when nothing was held out
 */
public record TrainingReport(
    TrainingOptions options,
    String dataChecksum,
    int epochsRun,
    int bestEpoch,
    SplitScores train,
    Optional<SplitScores> validation) {}
