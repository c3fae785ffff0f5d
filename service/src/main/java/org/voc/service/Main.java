package org.voc.service;

import org.voc.service.cli.VocCommand;
import org.voc.service.config.ConfigException;
import picocli.CommandLine;

/** The entry point of the {@code voc} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    CommandLine commandLine = new CommandLine(new VocCommand());
    commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
      if (error instanceof ConfigException) {
        cmd.getErr().println("voc: configuration error: " + error.getMessage());
        return 2;
      }
      throw error;
    });
    System.exit(commandLine.execute(args));
  }
}
