package org.voc.index;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The opaque {@code cursor} of a search page: URL-safe base64 of the last hit's sort values (score
 * or {@code createdAt}, then key). Sort values rather than an offset keep paging stable while
 * documents are added: the next page starts right after that hit, wherever it now is.
 *
 * <p>Semantic and hybrid rankings have no sort values to resume from (a fused score says nothing
 * about where a document falls in a list computed again), so their cursors hold the offset of the
 * next hit in the ranking instead.
 *
 * <p>Layout: version byte, a tag for the order or mode, then either the float score or long millis
 * (big-endian) and the key's UTF-8 bytes, or the int offset.
 */
final class SearchCursor {

  private static final byte VERSION = 1;

  // Longer than any real key allows; refuses garbage before decoding it.
  private static final int MAX_LENGTH = 4_096;

  private SearchCursor() {}

  /** The cursor that continues after {@code last}, a hit found with {@code order}. */
  static String encode(HitOrder order, FieldDoc last) {
    BytesRef key = (BytesRef) last.fields[1];
    ByteBuffer bytes = ByteBuffer.allocate(2 + Long.BYTES + key.length);
    bytes.put(VERSION).put(order.tag);
    switch (order) {
      case RELEVANCE -> bytes.putFloat((Float) last.fields[0]);
      case NEWEST -> bytes.putLong((Long) last.fields[0]);
    }
    bytes.put(key.bytes, key.offset, key.length);
    byte[] used = Arrays.copyOf(bytes.array(), bytes.position());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(used);
  }

  /**
   * The position {@code cursor} names, for {@code order}; an {@link InvalidQueryException} for the
   * {@code cursor} parameter when it is not one of ours or was made for another order or mode.
   */
  static FieldDoc decode(String cursor, HitOrder order) {
    ByteBuffer bytes = body(cursor, order.tag);
    try {
      Object value =
          switch (order) {
            case RELEVANCE -> checkedScore(bytes.getFloat());
            case NEWEST -> bytes.getLong();
          };
      byte[] key = new byte[bytes.remaining()];
      bytes.get(key);
      // The doc id comes last in Lucene's order; the largest one skips the key's own document.
      return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {value, new BytesRef(key)});
    } catch (BufferUnderflowException e) {
      throw malformed();
    }
  }

  /** The cursor that continues at {@code offset} of the ranking of a search tagged {@code tag}. */
  static String encodeOffset(byte tag, int offset) {
    byte[] bytes =
        ByteBuffer.allocate(2 + Integer.BYTES).put(VERSION).put(tag).putInt(offset).array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The offset {@code cursor} names for a search tagged {@code tag}, checked like {@link #decode}. */
  static int decodeOffset(String cursor, byte tag) {
    ByteBuffer bytes = body(cursor, tag);
    try {
      int offset = bytes.getInt();
      if (offset < 0 || bytes.hasRemaining()) {
        throw malformed();
      }
      return offset;
    } catch (BufferUnderflowException e) {
      throw malformed();
    }
  }

  /** The bytes after the version and the tag, once both are checked. */
  private static ByteBuffer body(String cursor, byte tag) {
    if (cursor.length() > MAX_LENGTH) {
      throw malformed();
    }
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    if (bytes.remaining() < 2 || bytes.get() != VERSION) {
      throw malformed();
    }
    if (bytes.get() != tag) {
      throw new InvalidQueryException(
          "cursor", "cursor belongs to a search in another order or mode; start again without it");
    }
    return bytes;
  }

  private static Float checkedScore(float score) {
    if (Float.isNaN(score)) {
      throw malformed();
    }
    return score;
  }

  private static InvalidQueryException malformed() {
    return new InvalidQueryException(
        "cursor", "cursor is malformed: pass back the nextCursor of the previous page unchanged");
  }
}
