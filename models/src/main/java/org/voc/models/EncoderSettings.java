package org.voc.models;

/**
 * How an {@link OnnxTextEncoder} tokenizes and batches.
 *
 * @param maxTokens texts are truncated to this many tokens, {@code [CLS]} and {@code [SEP]}
 *     included; the models were trained on at most 512 and sentence-length inputs
 * @param maxBatch at most this many texts go through the model in one call
 * @param tokenBudget a batch's rows times its longest row stays within this, so that long texts
 *     come in smaller batches; at least {@code maxTokens}
 * @param intraOpThreads ONNX Runtime threads for one call, the caller's included: all cores suit one
 *     caller; with a pool of worker threads calling at once, 1 each
 * @param spinWait whether ONNX Runtime's idle threads spin instead of sleeping between operators:
 *     a little faster on cores nobody else wants, much slower when they are shared (with CoreNLP,
 *     Lucene, other callers), so off by default
 */
public record EncoderSettings(
    int maxTokens, int maxBatch, int tokenBudget, int intraOpThreads, boolean spinWait) {

  public static final int DEFAULT_MAX_TOKENS = 128;
  public static final int DEFAULT_MAX_BATCH = 32;
  public static final int DEFAULT_TOKEN_BUDGET = 4096;

  public EncoderSettings {
    if (maxTokens < 2 || maxTokens > 512) {
      throw new IllegalArgumentException("maxTokens must be in [2, 512]: " + maxTokens);
    }
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
    }
    if (tokenBudget < maxTokens) {
      throw new IllegalArgumentException(
          "tokenBudget " + tokenBudget + " must hold one text of maxTokens " + maxTokens);
    }
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("intraOpThreads must be positive: " + intraOpThreads);
    }
  }

  /** 128 tokens, batches of 32 texts or 4,096 tokens, every core for a call, no spinning. */
  public static EncoderSettings defaults() {
    return new EncoderSettings(
        DEFAULT_MAX_TOKENS,
        DEFAULT_MAX_BATCH,
        DEFAULT_TOKEN_BUDGET,
        Runtime.getRuntime().availableProcessors(),
        false);
  }

  public EncoderSettings withMaxTokens(int tokens) {
    return new EncoderSettings(
        tokens, maxBatch, Math.max(tokenBudget, tokens), intraOpThreads, spinWait);
  }

  public EncoderSettings withMaxBatch(int texts) {
    return new EncoderSettings(maxTokens, texts, tokenBudget, intraOpThreads, spinWait);
  }

  public EncoderSettings withTokenBudget(int tokens) {
    return new EncoderSettings(maxTokens, maxBatch, tokens, intraOpThreads, spinWait);
  }

  public EncoderSettings withIntraOpThreads(int threads) {
    return new EncoderSettings(maxTokens, maxBatch, tokenBudget, threads, spinWait);
  }

  public EncoderSettings withSpinWait(boolean spin) {
    return new EncoderSettings(maxTokens, maxBatch, tokenBudget, intraOpThreads, spin);
  }
}
