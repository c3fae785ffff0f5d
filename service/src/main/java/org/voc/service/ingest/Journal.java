package org.voc.service.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * An append-only write-ahead log of accepted requests. A record is durable once {@link #append}
 * returns: it was written and forced to disk. Records carry consecutive sequence numbers; the index
 * records the highest one it has committed, and {@link #replay} hands back everything after it.
 *
 * <p>On disk: segment files {@code journal-<first seq>.log}, each a run of frames {@code [length
 * int][crc32c int][seq long][payload]}. A torn frame at the end of the last segment (the process
 * died mid-write, so nobody was acknowledged) is cut off when the journal opens.
 */
public final class Journal implements Closeable {

  private static final int HEADER_BYTES = 4 + 4 + 8;
  private static final int MAX_FRAME_BYTES = 256 << 20;

  private final Path dir;
  private final long segmentBytes;
  private FileChannel active;
  private Path activePath;
  private long nextSeq;

  private Journal(Path dir, long segmentBytes) {
    this.dir = dir;
    this.segmentBytes = segmentBytes;
  }

  /** Opens (or creates) the journal in {@code dir}, rolling to a new segment past {@code segmentBytes}. */
  public static Journal open(Path dir, long segmentBytes) throws IOException {
    Files.createDirectories(dir);
    Journal journal = new Journal(dir, segmentBytes);
    journal.recover();
    return journal;
  }

  /** The sequence number the next appended record will get. */
  public synchronized long nextSeq() {
    return nextSeq;
  }

  /**
   * Makes the next sequence number at least {@code seq}: after a lost or removed journal, numbering
   * must still continue above what the index has committed.
   */
  public synchronized void advanceTo(long seq) throws IOException {
    if (seq > nextSeq) {
      nextSeq = seq;
      roll();
    }
  }

  /**
   * Appends the payloads as consecutive records and forces them to disk before returning the
   * sequence number of the first one.
   */
  public synchronized long append(List<byte[]> payloads) throws IOException {
    long first = nextSeq;
    if (active == null || active.size() >= segmentBytes) {
      roll();
    }
    int total = 0;
    for (byte[] payload : payloads) {
      total += HEADER_BYTES + payload.length;
    }
    ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
    long seq = first;
    for (byte[] payload : payloads) {
      putFrame(buffer, seq++, payload);
    }
    buffer.flip();
    while (buffer.hasRemaining()) {
      active.write(buffer);
    }
    active.force(false);
    nextSeq = seq;
    return first;
  }

  /** Calls {@code consumer} with every record whose sequence number is above {@code afterSeq}, in order. */
  public synchronized void replay(long afterSeq, Consumer<Record> consumer) throws IOException {
    for (Path segment : segments()) {
      readSegment(segment, record -> {
        if (record.seq() > afterSeq) {
          consumer.accept(record);
        }
      });
    }
  }

  /**
   * Replaces, in place, the payload of every record before {@code beforeSeq} for which {@code
   * replacement} gives one (null: keep the record), keeping its sequence number: for erasure, so
   * that an erased document's text is in no journal file. A segment with a replaced record is
   * written anew to a temporary file, forced, and moved over the old one, so a crash leaves either
   * the old or the new segment. Returns how many records were replaced.
   */
  public synchronized int rewrite(long beforeSeq, Function<Record, byte[]> replacement) throws IOException {
    int replaced = 0;
    for (Path segment : segments()) {
      if (firstSeq(segment) >= beforeSeq) {
        continue;
      }
      List<Record> records = new ArrayList<>();
      int[] changed = {0};
      readSegment(segment, record -> {
        byte[] payload = record.seq() < beforeSeq ? replacement.apply(record) : null;
        records.add(payload == null ? record : new Record(record.seq(), payload));
        changed[0] += payload == null ? 0 : 1;
      });
      if (changed[0] > 0) {
        replaceSegment(segment, records);
        replaced += changed[0];
      }
    }
    return replaced;
  }

  private void replaceSegment(Path segment, List<Record> records) throws IOException {
    Path temporary = dir.resolve(segment.getFileName() + ".rewrite");
    int total = records.stream().mapToInt(r -> HEADER_BYTES + r.payload().length).sum();
    ByteBuffer buffer = ByteBuffer.allocate(total).order(ByteOrder.BIG_ENDIAN);
    records.forEach(r -> putFrame(buffer, r.seq(), r.payload()));
    buffer.flip();
    try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    boolean isActive = segment.equals(activePath);
    if (isActive) {
      active.close();
    }
    Files.move(temporary, segment, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    forceDirectory();
    if (isActive) {
      active = FileChannel.open(activePath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
  }

  private static void putFrame(ByteBuffer buffer, long seq, byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(longBytes(seq));
    crc.update(payload);
    buffer.putInt(payload.length).putInt((int) crc.getValue()).putLong(seq).put(payload);
  }

  /**
   * Deletes the segments whose every record has a sequence number at most {@code seq}; they are
   * in the committed index and no longer needed.
   */
  public synchronized void truncateThrough(long seq) throws IOException {
    List<Path> segments = segments();
    for (int i = 0; i + 1 < segments.size(); i++) {
      long lastInSegment = firstSeq(segments.get(i + 1)) - 1;
      if (lastInSegment <= seq && !segments.get(i).equals(activePath)) {
        Files.deleteIfExists(segments.get(i));
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (active != null) {
      active.close();
      active = null;
    }
  }

  /** One journal record: its sequence number and payload. */
  public record Record(long seq, byte[] payload) {}

  private void recover() throws IOException {
    // A rewrite cut short by a crash: the old segment is still in place; its copy may hold erased text.
    try (Stream<Path> files = Files.list(dir)) {
      for (Path stale : files.filter(p -> p.getFileName().toString().endsWith(".rewrite")).toList()) {
        Files.deleteIfExists(stale);
      }
    }
    List<Path> segments = segments();
    nextSeq = 1;
    for (Path segment : segments) {
      long validBytes = readSegment(segment, record -> nextSeq = record.seq() + 1);
      if (validBytes < Files.size(segment)) {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
          channel.truncate(validBytes);
          channel.force(true);
        }
      }
    }
    if (!segments.isEmpty()) {
      activePath = segments.getLast();
      nextSeq = Math.max(nextSeq, firstSeq(activePath));
      active = FileChannel.open(activePath, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }
  }

  private void roll() throws IOException {
    if (active != null) {
      active.close();
    }
    activePath = dir.resolve(String.format(Locale.ROOT, "journal-%020d.log", nextSeq));
    active = FileChannel.open(activePath, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    forceDirectory();
  }

  private void forceDirectory() throws IOException {
    FileChannel dirChannel = null;
    try {
      // The new file's directory entry must be durable too, or a crash could lose the segment.
      dirChannel = FileChannel.open(dir, StandardOpenOption.READ);
      dirChannel.force(true);
    } catch (IOException ignored) {
      // Some file systems cannot open a directory; the file's own force still covers its data.
    } finally {
      if (dirChannel != null) {
        dirChannel.close();
      }
    }
  }

  /** Reads frames until the first invalid one; returns how many bytes were valid. */
  private static long readSegment(Path segment, Consumer<Record> consumer) throws IOException {
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
      long size = channel.size();
      long position = 0;
      ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
      while (position + HEADER_BYTES <= size) {
        header.clear();
        readFully(channel, header, position);
        header.flip();
        int length = header.getInt();
        int crcValue = header.getInt();
        long seq = header.getLong();
        if (length < 0 || length > MAX_FRAME_BYTES || position + HEADER_BYTES + length > size) {
          break;
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(channel, payload, position + HEADER_BYTES);
        CRC32C crc = new CRC32C();
        crc.update(longBytes(seq));
        crc.update(payload.array());
        if ((int) crc.getValue() != crcValue) {
          break;
        }
        consumer.accept(new Record(seq, payload.array()));
        position += HEADER_BYTES + length;
      }
      return position;
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new IOException("unexpected end of journal segment");
      }
    }
  }

  private static byte[] longBytes(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(files
          .filter(p -> p.getFileName().toString().matches("journal-\\d{20}\\.log"))
          .sorted()
          .toList());
    }
  }

  private static long firstSeq(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring("journal-".length(), name.length() - ".log".length()));
  }
}
