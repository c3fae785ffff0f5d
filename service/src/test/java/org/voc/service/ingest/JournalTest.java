package org.voc.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  @TempDir Path dir;

  @Test
  void appendedRecordsReplayInOrderAfterReopen() throws IOException {
    try (Journal journal = Journal.open(dir, 1 << 20)) {
      assertThat(journal.append(List.of(bytes("a"), bytes("b")))).isEqualTo(1);
      assertThat(journal.append(List.of(bytes("c")))).isEqualTo(3);
    }
    try (Journal journal = Journal.open(dir, 1 << 20)) {
      assertThat(replay(journal, 0)).containsExactly("1:a", "2:b", "3:c");
      assertThat(replay(journal, 2)).containsExactly("3:c");
      assertThat(journal.append(List.of(bytes("d")))).isEqualTo(4);
    }
  }

  @Test
  void tornTailFromACrashMidWriteIsCutOff() throws IOException {
    try (Journal journal = Journal.open(dir, 1 << 20)) {
      journal.append(List.of(bytes("kept")));
    }
    Path segment = segments().getFirst();
    Files.write(segment, new byte[] {0, 0, 0, 50, 1, 2, 3}, StandardOpenOption.APPEND);
    try (Journal journal = Journal.open(dir, 1 << 20)) {
      assertThat(replay(journal, 0)).containsExactly("1:kept");
      journal.append(List.of(bytes("next")));
      assertThat(replay(journal, 0)).containsExactly("1:kept", "2:next");
    }
  }

  @Test
  void corruptedRecordEndsTheReplayThere() throws IOException {
    try (Journal journal = Journal.open(dir, 1 << 20)) {
      journal.append(List.of(bytes("first"), bytes("second")));
    }
    Path segment = segments().getFirst();
    byte[] content = Files.readAllBytes(segment);
    content[content.length - 1] ^= 0x5A;
    Files.write(segment, content);
    try (Journal journal = Journal.open(dir, 1 << 20)) {
      assertThat(replay(journal, 0)).containsExactly("1:first");
    }
  }

  @Test
  void truncationDeletesOnlySegmentsFullyCommitted() throws IOException {
    try (Journal journal = Journal.open(dir, 10)) {
      for (int i = 1; i <= 5; i++) {
        journal.append(List.of(bytes("r" + i)));
      }
      assertThat(segments()).hasSize(5);
      journal.truncateThrough(3);
      assertThat(replay(journal, 0)).containsExactly("4:r4", "5:r5");
      journal.truncateThrough(5);
      assertThat(replay(journal, 0)).containsExactly("5:r5");
    }
  }

  @Test
  void numberingContinuesAboveTheIndexWhenTheJournalWasLost() throws IOException {
    try (Journal journal = Journal.open(dir, 1 << 20)) {
      journal.advanceTo(42);
      assertThat(journal.append(List.of(bytes("x")))).isEqualTo(42);
    }
    try (Journal journal = Journal.open(dir, 1 << 20)) {
      assertThat(journal.nextSeq()).isEqualTo(43);
    }
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  private static List<String> replay(Journal journal, long after) throws IOException {
    List<String> seen = new ArrayList<>();
    journal.replay(after, r -> seen.add(r.seq() + ":" + new String(r.payload(), StandardCharsets.UTF_8)));
    return seen;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
