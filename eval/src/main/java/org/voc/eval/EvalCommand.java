package org.voc.eval;

import org.voc.eval.regression.RegressionsCommand;
import org.voc.eval.sentiment.SentimentEvalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code voc eval TASK}: measures a task on a labeled file and prints the scores as JSON. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Measure accuracy and speed on a labeled file; prints JSON.",
    subcommands = {SentimentEvalCommand.class, org.voc.eval.themes.ThemeEvalCommand.class, RegressionsCommand.class,
        org.voc.eval.aspects.AspectEvalCommand.class, org.voc.eval.intent.IntentEvalCommand.class})
public final class EvalCommand implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
