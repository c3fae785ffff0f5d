package org.voc.service.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentAnalyzer;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.VocJson;
import org.voc.service.Analyzers;
import org.voc.service.config.ConfigLoader;
import org.voc.service.config.VocConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code voc analyze "text"}: prints the analysis of one text as JSON; stores nothing. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Analyze a text and print the analysis as JSON.")
final class AnalyzeCommand implements Callable<Integer> {

  @Mixin ConfigOptions options;

  @Parameters(paramLabel = "TEXT", description = "the text (plain or HTML)")
  String text;

  @Option(names = "--pipeline", paramLabel = "full|fast",
      description = "analysis.pipeline for this text: full, or fast (transformer only: no parse, no aspects)")
  String pipeline;

  @Override
  public Integer call() throws Exception {
    VocConfig config = options.load();
    if (pipeline != null) {
      config = config.withAnalysis(config.analysis().withPipeline(pipeline));
      ConfigLoader.validate(config.analysis());
    }
    DocumentAnalyzer analyzer = Analyzers.load(config);
    Document document = Document.of("cli", "1", DocumentKind.POST, text, Instant.now());
    System.out.println(VocJson.mapper().writerWithDefaultPrettyPrinter()
        .writeValueAsString(analyzer.analyze(document)));
    return 0;
  }
}
