package org.voc.eval.regression;

import java.util.Map;

/**
 * One reproducible measurement with its expected scores (Anserini-style): which task, which data
 * file under the shared data directory (with its SHA-256, so a changed file is noticed), which
 * model, the expected metric values, and how far a score may fall before the build fails.
 */
public record Regression(
    String name,
    String task,
    String data,
    String sha256,
    String model,
    String labels,
    Map<String, Double> expected,
    double tolerance,
    String notes) {}
