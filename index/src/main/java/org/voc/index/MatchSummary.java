package org.voc.index;

import java.util.List;
import java.util.Map;

/**
 * What a search reports about all its matches, not just one page: count, facets, classifier
 * outputs per classifier name, weeks.
 */
record MatchSummary(long total, Map<String, Map<String, Long>> facets,
    Map<String, Map<String, Long>> classifications, List<SearchResult.WeekCount> histogram) {}
