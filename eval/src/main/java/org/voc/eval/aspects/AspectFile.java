package org.voc.eval.aspects;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.voc.eval.targets.TargetRows;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.VocJson;

/**
 * An aspect file: JSONL rows {@code {"text", "aspect", "from", "to", "label"}}, one per gold aspect
 * term; rows with the same text are one sentence, whose gold set is all their aspects.
 *
 * <p>{@code FILE#heldout} and {@code FILE#train} name a fixed 20 / 80 split of the sentences, the
 * same as the target-sentiment model's ({@link TargetRows#heldOut}): it depends on nothing but a
 * sentence's text, so it survives reordering and additions, a sentence never lands on both sides,
 * and neither model is measured on sentences the other was trained on.
 */
public final class AspectFile {

  /** A gold aspect term: its text, its span [from, to) in the sentence, and its polarity. */
  public record GoldAspect(String term, int from, int to, SentimentLabel label) {}

  /** A sentence and its gold aspects (without duplicates), in file order. */
  public record AspectSentence(String text, List<GoldAspect> aspects) {
    public AspectSentence {
      aspects = List.copyOf(aspects);
    }
  }

  private AspectFile() {}

  /** The file a path names, without its {@code #heldout} / {@code #train} selector. */
  public static Path fileOf(Path path) {
    return TargetRows.fileOf(path);
  }

  /** Whether the split holds {@code text} out (about one sentence in five). */
  public static boolean heldOut(String text) {
    return TargetRows.heldOut(text);
  }

  /** The sentences {@code path} names, each with its gold aspects. */
  public static List<AspectSentence> read(Path path) throws IOException {
    Path file = fileOf(path);
    Map<String, Set<GoldAspect>> sentences = new LinkedHashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Row row = row(line, number, file);
        if (TargetRows.selects(path, row.text())) {
          sentences.computeIfAbsent(row.text(), t -> new LinkedHashSet<>()).add(row.aspect());
        }
      }
    }
    List<AspectSentence> result = new ArrayList<>(sentences.size());
    sentences.forEach((text, aspects) -> result.add(new AspectSentence(text, new ArrayList<>(aspects))));
    return result;
  }

  private record Row(String text, GoldAspect aspect) {}

  private static Row row(String line, long number, Path file) {
    String where = file + ":" + number + ": ";
    JsonNode node;
    try {
      node = VocJson.mapper().readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + "invalid JSON: " + e.getMessage());
    }
    JsonNode text = node.get("text");
    JsonNode from = node.get("from");
    JsonNode to = node.get("to");
    if (text == null || !text.isTextual() || from == null || !from.canConvertToInt()
        || to == null || !to.canConvertToInt() || !node.path("label").isTextual()) {
      throw new IllegalArgumentException(where + "expected {\"text\", \"aspect\", \"from\", \"to\", \"label\"}");
    }
    String value = text.textValue();
    int start = from.intValue();
    int end = to.intValue();
    if (start < 0 || end <= start || end > value.length()) {
      throw new IllegalArgumentException(where + "span [" + start + ", " + end + ") is outside the text");
    }
    SentimentLabel label = SentimentLabel.parse(node.get("label").textValue()).orElseThrow(
        () -> new IllegalArgumentException(where + "label must be negative, neutral or positive"));
    return new Row(value, new GoldAspect(value.substring(start, end), start, end, label));
  }
}
