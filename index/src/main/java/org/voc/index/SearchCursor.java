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
 * <p>Layout: version byte, {@link HitOrder#tag}, the float score or long millis (big-endian), then
 * the key's UTF-8 bytes.
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
   * {@code cursor} parameter when it is not one of ours or was made for the other order.
   */
  static FieldDoc decode(String cursor, HitOrder order) {
    if (cursor.length() > MAX_LENGTH) {
      throw malformed();
    }
    ByteBuffer bytes;
    try {
      bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
    try {
      if (bytes.get() != VERSION) {
        throw malformed();
      }
      if (bytes.get() != order.tag) {
        throw new InvalidQueryException(
            "cursor", "cursor belongs to a search in another order; start again without it");
      }
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
