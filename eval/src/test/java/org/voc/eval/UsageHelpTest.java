package org.voc.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code voc eval|train|bench} command's help renders as written: a description is a format
 * string to picocli, and a bare {@code %} in it ("80 / 20 % of its texts") made picocli print a
 * warning and the raw text instead.
 */
class UsageHelpTest {

  private static void collect(CommandLine command, List<CommandLine> all) {
    all.add(command);
    command.getSubcommands().values().forEach(sub -> collect(sub, all));
  }

  @Test
  void everyCommandsHelpFormatsWithoutWarnings() {
    List<CommandLine> commands = new ArrayList<>();
    collect(new CommandLine(new EvalMain()), commands);
    assertThat(commands).hasSizeGreaterThan(10);

    PrintStream err = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    StringBuilder help = new StringBuilder();
    try {
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      for (CommandLine command : commands) {
        help.append(command.getUsageMessage(CommandLine.Help.Ansi.OFF));
      }
    } finally {
      System.setErr(err);
    }

    assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format");
    // Lines are wrapped at 80 columns: compare with the wrapping undone.
    assertThat(help.toString().replaceAll("\\s+", " "))
        .contains("80 / 20 % of its texts")
        .contains("20 / 80 % of its sentences")
        .doesNotContain("%%");
  }
}
