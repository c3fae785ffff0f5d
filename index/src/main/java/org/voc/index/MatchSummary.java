package org.voc.index;

import java.util.List;
import java.util.Map;

/** What a search reports about all its matches, not just one page: count, facets, weeks. */
record MatchSummary(
    long total, Map<String, Map<String, Long>> facets, List<SearchResult.WeekCount> histogram) {}
