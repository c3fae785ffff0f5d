package org.voc.eval.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.voc.nlp.ClassifierTrainer;
import org.voc.nlp.LabeledRows;

/**
 * The texts the throughput figures run over: the first {@code count} of a labeled CSV/TSV/JSONL
 * file (read at run time, e.g. SST-2 dev from the shared data; never copied into the repository),
 * or, without a file, the synthetic corpus's documents (fixed seed).
 */
final class BenchTexts {

  private static final long SEED = 11;

  private BenchTexts() {}

  static List<String> load(Path file, String textColumn, int count) throws IOException {
    List<String> texts = new ArrayList<>(count);
    if (file != null) {
      for (ClassifierTrainer.Row row : LabeledRows.read(file, textColumn, null).rows()) {
        if (texts.size() == count) {
          break;
        }
        texts.add(row.text());
      }
      return List.copyOf(texts);
    }
    SyntheticCorpus corpus = new SyntheticCorpus(SEED);
    for (int i = 0; i < count; i++) {
      texts.add(corpus.next(i, count).document().document().text());
    }
    return List.copyOf(texts);
  }

  /** Where the texts come from, for the log. */
  static String describe(Path file, List<String> texts) {
    return texts.size() + (file == null ? " synthetic documents" : " texts from " + file);
  }
}
