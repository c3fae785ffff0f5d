package org.voc.index;

import org.apache.lucene.document.KeywordField;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;

/**
 * The order hits are listed in. Both end with the document key, so that no two hits tie and a
 * cursor names one exact position in the list.
 */
enum HitOrder {
  /** Best score first. */
  RELEVANCE((byte) 'R', new Sort(SortField.FIELD_SCORE, keyAscending())),
  /** Latest {@code createdAt} first. */
  NEWEST(
      (byte) 'N',
      new Sort(new SortField(IndexSchema.CREATED_AT, SortField.Type.LONG, true), keyAscending()));

  /** Marks cursors made for this order, so a cursor cannot be replayed against the other. */
  final byte tag;

  final Sort sort;

  HitOrder(byte tag, Sort sort) {
    this.tag = tag;
    this.sort = sort;
  }

  /**
   * Relevance needs something to score: without keywords, or with only excluded ones ({@code
   * -refund}), every match scores the same and the newest come first.
   */
  static HitOrder of(SearchRequest.Sort requested, Query keywords) {
    boolean scored = KeywordQueryCompiler.scoresDocuments(keywords);
    return requested == SearchRequest.Sort.RELEVANCE && scored ? RELEVANCE : NEWEST;
  }

  private static SortField keyAscending() {
    return KeywordField.newSortField(IndexSchema.KEY, false, SortedSetSelector.Type.MIN);
  }
}
