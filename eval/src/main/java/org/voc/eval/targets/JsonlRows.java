package org.voc.eval.targets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.voc.nlp.VocJson;

/** Reads a JSONL file row by row, with line numbers for error messages; blank lines are skipped. */
public final class JsonlRows {

  /** What is done with each row. */
  @FunctionalInterface
  public interface Handler {
    void row(int line, JsonNode row) throws IOException;
  }

  private JsonlRows() {}

  public static void read(Path file, Handler handler) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          handler.row(number, VocJson.mapper().readTree(line));
        }
      }
    }
  }
}
