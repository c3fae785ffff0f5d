package org.voc.eval.intent;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.voc.nlp.ClassifierTrainer;

/** A progress bar on stderr that follows the phases of classifier training or evaluation. */
final class Progress implements ClassifierTrainer.Progress, AutoCloseable {

  private ProgressBar bar;
  private String phase;

  @Override
  public synchronized void update(String phase, long done, long total) {
    if (!phase.equals(this.phase)) {
      close();
      this.phase = phase;
      bar = new ProgressBarBuilder().setTaskName(phase).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }
    bar.stepTo(done);
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
