package org.voc.eval.regression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voc eval regressions}: reruns every committed regression and compares with its expected scores. */
@Command(name = "regressions", mixinStandardHelpOptions = true,
    description = "Rerun the committed regressions; prints OK / CHANGED / FAIL per metric, exits 1 on FAIL.")
public final class RegressionsCommand implements Callable<Integer> {

  @Option(names = "--only", paramLabel = "NAME", description = "run only regressions whose name contains NAME")
  String only;

  @Option(names = "--shared-data", paramLabel = "DIR", description = "the shared data directory (default: ../shared/data)")
  Path sharedData;

  @Override
  public Integer call() throws Exception {
    Path data = sharedData != null ? sharedData : Regressions.sharedData().orElseThrow(
        () -> new IllegalArgumentException("cannot find ../shared/data; pass --shared-data DIR"));
    RegressionRunner runner = new RegressionRunner(data, Runtime.getRuntime().availableProcessors());
    List<Regressions.Check> checks = new ArrayList<>();
    for (Regression regression : Regressions.all()) {
      if (only != null && !regression.name().contains(only)) {
        continue;
      }
      for (Regressions.Check check : runner.run(regression)) {
        System.out.println(check);
        checks.add(check);
      }
    }
    return checks.stream().anyMatch(c -> c.verdict().equals("FAIL")) ? 1 : 0;
  }
}
