package org.voc.eval.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Reruns every committed regression on the shared benchmark data and fails when a score fell more
 * than its tolerance below the expected value. Skipped only where ../shared/data is absent.
 */
class RegressionsTest {

  @TestFactory
  Stream<DynamicTest> committedScoresHold() {
    var data = Regressions.sharedData();
    assumeTrue(data.isPresent(), "../shared/data not found: benchmark regressions skipped");
    Path shared = data.get();
    RegressionRunner runner = new RegressionRunner(shared, Runtime.getRuntime().availableProcessors());
    return Regressions.all().stream().map(regression -> DynamicTest.dynamicTest(regression.name(), () -> {
      List<Regressions.Check> checks = runner.run(regression);
      checks.forEach(System.out::println);
      assertThat(checks).isNotEmpty();
      assertThat(checks).allSatisfy(check -> assertThat(check.verdict()).as(check.toString()).isNotEqualTo("FAIL"));
    }));
  }
}
