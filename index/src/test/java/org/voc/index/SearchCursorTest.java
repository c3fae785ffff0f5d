package org.voc.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class SearchCursorTest {

  private static FieldDoc hit(Object value, String key) {
    return new FieldDoc(7, Float.NaN, new Object[] {value, new BytesRef(key)});
  }

  @Test
  void relevanceCursorRoundTripsScoreAndKey() {
    String cursor = SearchCursor.encode(HitOrder.RELEVANCE, hit(3.25f, "shop\u0000r-1"));

    FieldDoc after = SearchCursor.decode(cursor, HitOrder.RELEVANCE);

    assertThat(after.fields).containsExactly(3.25f, new BytesRef("shop\u0000r-1"));
    assertThat(after.doc).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void newestCursorRoundTripsMillisAndKey() {
    String cursor = SearchCursor.encode(HitOrder.NEWEST, hit(-5L, "forum\u0000ü/+?&"));

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(SearchCursor.decode(cursor, HitOrder.NEWEST).fields)
        .containsExactly(-5L, new BytesRef("forum\u0000ü/+?&"));
  }

  @Test
  void cursorOfTheOtherOrderIsRejected() {
    String cursor = SearchCursor.encode(HitOrder.NEWEST, hit(1L, "k"));

    assertThatThrownBy(() -> SearchCursor.decode(cursor, HitOrder.RELEVANCE))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("cursor"))
        .hasMessageContaining("another order");
  }

  @Test
  void garbageIsRejectedAsMalformed() {
    String nanScore =
        Base64.getUrlEncoder().encodeToString(new byte[] {1, 'R', 0x7f, (byte) 0xc0, 0, 0, 'k'});
    String[] garbage = {
      "", "!", "====", "AQ", "AVI", "AU4AAAAA", nanScore, "A".repeat(5_000), "ey J"
    };
    for (String cursor : garbage) {
      assertThatThrownBy(() -> SearchCursor.decode(cursor, HitOrder.NEWEST))
          .as(cursor)
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
    assertThatThrownBy(() -> SearchCursor.decode(nanScore, HitOrder.RELEVANCE))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void offsetCursorRoundTripsAndIsRejectedByOtherModesAndOrders() {
    String cursor = SearchCursor.encodeOffset((byte) 'H', 40);

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(SearchCursor.decodeOffset(cursor, (byte) 'H')).isEqualTo(40);
    assertThatThrownBy(() -> SearchCursor.decodeOffset(cursor, (byte) 'S'))
        .isInstanceOfSatisfying(
            InvalidQueryException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    assertThatThrownBy(() -> SearchCursor.decode(cursor, HitOrder.RELEVANCE))
        .isInstanceOf(InvalidQueryException.class);
  }

  @Test
  void negativeOrTruncatedOffsetIsMalformed() {
    String negative = SearchCursor.encodeOffset((byte) 'S', -1);
    String truncated = negative.substring(0, 4);
    String keywordCursor = SearchCursor.encode(HitOrder.RELEVANCE, hit(1f, "k"));

    for (String cursor : new String[] {negative, truncated}) {
      assertThatThrownBy(() -> SearchCursor.decodeOffset(cursor, (byte) 'S'))
          .as(cursor)
          .isInstanceOfSatisfying(
              InvalidQueryException.class, e -> assertThat(e.getMessage()).contains("malformed"));
    }
    assertThatThrownBy(() -> SearchCursor.decodeOffset(keywordCursor, (byte) 'S'))
        .hasMessageContaining("another order or mode");
  }
}
