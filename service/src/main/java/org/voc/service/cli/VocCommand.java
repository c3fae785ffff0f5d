package org.voc.service.cli;

import picocli.CommandLine.Command;

/** The {@code voc} command line; each subcommand is its own class. */
@Command(
    name = "voc",
    mixinStandardHelpOptions = true,
    version = "voc 0.1.0",
    description = "Voice-of-customer NLP service: sentiment, themes and brands over tickets, posts and reviews.",
    subcommands = {ServeCommand.class, AnalyzeCommand.class, IngestCommand.class, CrawlCommand.class,
        ReportCommand.class})
public final class VocCommand implements Runnable {

  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }
}
