package org.voc.eval;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code voc eval ...}, {@code voc train ...} and {@code voc bench ...}. */
@Command(name = "voc", mixinStandardHelpOptions = true, version = "voc 0.1.0",
    subcommands = {EvalCommand.class, org.voc.eval.train.TrainCommand.class,
        org.voc.eval.bench.BenchCommand.class})
public final class EvalMain implements Runnable {

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", "true");
    CommandLine commandLine = new CommandLine(new EvalMain());
    commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
      if (error instanceof IllegalArgumentException) {
        cmd.getErr().println("voc: " + error.getMessage());
        return 2;
      }
      throw error;
    });
    System.exit(commandLine.execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
