package org.voc.service;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voc.models.CoreNlpPipeline;
import org.voc.models.CoreNlpSettings;
import org.voc.nlp.AnalyzerSettings;
import org.voc.nlp.DocumentAnalyzer;
import org.voc.service.config.VocConfig;

/** Builds the document analyzer the configuration asks for, loading its models from the classpath. */
public final class Analyzers {

  private static final Logger LOG = LoggerFactory.getLogger(Analyzers.class);

  private Analyzers() {}

  public static DocumentAnalyzer load(VocConfig config) {
    CoreNlpPipeline pipeline = CoreNlpPipeline.load(CoreNlpSettings.defaults());
    LOG.info("CoreNLP models loaded in {} ms", pipeline.loadTime().toMillis());
    AnalyzerSettings settings = new AnalyzerSettings(config.analysis().maxSentences(),
        config.analysis().maxChars(), AnalyzerSettings.DEFAULT_MAX_KEY_PHRASES);
    return DocumentAnalyzer.withCoreNlpSentiment(pipeline, settings, Clock.systemUTC());
  }
}
