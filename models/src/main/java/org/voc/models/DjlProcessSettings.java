package org.voc.models;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide DJL settings voc needs, applied before any engine loads. DJL reads them only
 * from system properties, so they are set once here and never unset; a value the user already set
 * on the command line wins, except offline mode, which is not optional.
 */
final class DjlProcessSettings {

  private static final Logger LOG = LoggerFactory.getLogger(DjlProcessSettings.class);

  /**
   * voc never fetches anything at run time: the ONNX models come from Maven artifacts, the native
   * libraries (ONNX Runtime, PyTorch, the tokenizers) from their jars, extracted once to DJL's
   * cache directory ({@code ~/.djl.ai}). Offline, DJL neither calls home (an EC2 metadata probe)
   * nor looks for a CUDA build of the tokenizers to download.
   */
  static final String OFFLINE = "ai.djl.offline";

  /**
   * With PyTorch on the classpath, every ONNX Runtime NDManager would also open a PyTorch one as a
   * fallback for operators ONNX Runtime lacks; the encoders use no such operator, and loading
   * libtorch for nothing costs seconds and hundreds of megabytes.
   */
  static final String NO_ORT_FALLBACK = "ai.djl.onnx.disable_alternative";

  /**
   * PyTorch only trains small linear heads here, whose operators are too small to split across
   * threads: one thread was 15 times faster per epoch than two busy-waiting OpenMP threads on a
   * shared 2-core machine, and its sums do not depend on the core count.
   */
  static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

  static final String TORCH_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

  private DjlProcessSettings() {}

  static synchronized void apply() {
    System.setProperty(OFFLINE, "true");
    setIfAbsent(NO_ORT_FALLBACK, "true");
    setIfAbsent(TORCH_THREADS, "1");
    setIfAbsent(TORCH_INTEROP_THREADS, "1");
    String env = System.getenv("DJL_OFFLINE");
    // DJL reads the environment variable before the property, so it could switch offline off.
    if (env != null && !Boolean.parseBoolean(env)) {
      LOG.warn("DJL_OFFLINE={} overrides {}=true: DJL may try to download", env, OFFLINE);
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
