package org.voc.service.report;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.voc.index.DocumentIndex;
import org.voc.index.Insights.SentimentCounts;
import org.voc.index.SearchRequest;
import org.voc.index.SentimentStatistics;
import org.voc.index.WeeklyCounts;
import org.voc.index.WeeklyCounts.Dimension;
import org.voc.nlp.BrandDefinition;
import org.voc.nlp.SentimentLabel;
import org.voc.nlp.Taxonomy;
import org.voc.service.report.WeeklyReport.AspectFigures;
import org.voc.service.report.WeeklyReport.EmergingTheme;
import org.voc.service.report.WeeklyReport.GroupFigures;
import org.voc.service.report.WeeklyReport.Test;
import org.voc.service.report.WeeklyReport.WeekFigures;

/**
 * Computes the {@link WeeklyReport} of an ISO week from the index: one doc-values pass counts the
 * week, the one before and the ten before that per kind, source, brand, theme and aspect; the
 * findings' quotes are the few documents then loaded. Thread-safe.
 */
public final class WeeklyReporter {

  /** Weeks in the trend, this one included. */
  static final int TREND_WEEKS = 12;
  /** Weeks in the baseline: the ones before this week. */
  static final int BASELINE_WEEKS = 4;
  /** Documents a theme needs this week to be called emerging. */
  static final int MIN_EMERGING = 3;
  /** Aspects listed as praised and as criticised. */
  static final int TOP_ASPECTS = 5;
  /** Findings of each kind that get quotes. */
  static final int TOP_FINDINGS = 3;

  private static final SentimentCounts NONE = new SentimentCounts(0, 0, 0);

  private final DocumentIndex index;
  private final Supplier<Set<String>> ownBrands;
  private final Clock clock;

  /** {@code ownBrands} names the own brands (the taxonomy's, read at each report). */
  public WeeklyReporter(DocumentIndex index, Supplier<Set<String>> ownBrands, Clock clock) {
    this.index = index;
    this.ownBrands = ownBrands;
    this.clock = clock;
  }

  /** The own brands of {@code taxonomy}. */
  public static Set<String> ownBrands(Taxonomy taxonomy) {
    return taxonomy.brands().stream().filter(BrandDefinition::own).map(BrandDefinition::name)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The clock reports are dated and defaulted by. */
  public Clock clock() {
    return clock;
  }

  public WeeklyReport report(IsoWeek week) throws IOException {
    WeeklyCounts counts = index.weeklyCounts(SearchRequest.builder()
        .from(week.minus(TREND_WEEKS - 1).start()).to(week.end()).build());
    Weeks weeks = new Weeks(counts.all());
    List<GroupFigures> themesByVolume = groups(counts, Dimension.THEME, weeks, null);
    List<GroupFigures> themesByChange = byChange(themesByVolume);
    List<EmergingTheme> emerging = emerging(counts, weeks);
    List<AspectFigures> praised = aspects(counts, SentimentLabel.POSITIVE);
    List<AspectFigures> criticised = aspects(counts, SentimentLabel.NEGATIVE);
    WeeklyReport.Overall overall = overall(weeks);
    List<WeeklyReport.Finding> findings = new ReportFindings(index, week)
        .collect(themesByVolume, themesByChange, emerging, praised, criticised);
    WeeklyReport partial = new WeeklyReport(week.toString(), week.monday(), week.sunday(), week.isComplete(clock),
        clock.instant(), List.of(), overall, trend(counts, weeks), groups(counts, Dimension.SOURCE, weeks, null),
        groups(counts, Dimension.KIND, weeks, null), groups(counts, Dimension.URGENCY, weeks, null),
        classifications(counts, weeks), groups(counts, Dimension.BRAND, weeks, ownBrands.get()),
        themesByVolume, themesByChange, emerging, praised, criticised, findings, methods());
    return withSummary(partial, ReportSummary.sentences(partial));
  }

  private static WeeklyReport withSummary(WeeklyReport r, List<String> summary) {
    return new WeeklyReport(r.week(), r.start(), r.end(), r.complete(), r.generatedAt(), summary, r.overall(),
        r.trend(), r.sources(), r.kinds(), r.urgency(), r.classifications(), r.brands(), r.themesByVolume(), r.themesByChange(), r.emergingThemes(),
        r.aspectsPraised(), r.aspectsCriticised(), r.findings(), r.methods());
  }

  /** A weekly series split into this week, last week and the baseline weeks. */
  private record Weeks(List<SentimentCounts> series) {
    SentimentCounts now() {
      return series.getLast();
    }

    SentimentCounts last() {
      return series.get(series.size() - 2);
    }

    SentimentCounts baseline() {
      return sum(series.subList(series.size() - 1 - BASELINE_WEEKS, series.size() - 1));
    }
  }

  static SentimentCounts sum(List<SentimentCounts> counts) {
    long negative = 0;
    long neutral = 0;
    long positive = 0;
    for (SentimentCounts c : counts) {
      negative += c.negative();
      neutral += c.neutral();
      positive += c.positive();
    }
    return new SentimentCounts(negative, neutral, positive);
  }

  private static WeeklyReport.Overall overall(Weeks all) {
    SentimentCounts now = all.now();
    SentimentCounts last = all.last();
    SentimentCounts baseline = all.baseline();
    return new WeeklyReport.Overall(now.total(), last.total(), baseline.total() / (double) BASELINE_WEEKS,
        ReportStatistics.volume(now.total(), last.total(), 1),
        ReportStatistics.volume(now.total(), baseline.total(), BASELINE_WEEKS),
        now, SentimentStatistics.netSentiment(now, ReportStatistics.LEVEL), last.net(), baseline.net(),
        ReportStatistics.netSentiment(now, last), ReportStatistics.netSentiment(now, baseline));
  }

  private static List<WeekFigures> trend(WeeklyCounts counts, Weeks all) {
    List<WeekFigures> trend = new ArrayList<>();
    for (int w = 0; w < counts.weeks().size(); w++) {
      SentimentCounts c = all.series().get(w);
      trend.add(new WeekFigures(IsoWeek.of(counts.weeks().get(w)).toString(), counts.weeks().get(w), c.total(), c,
          c.net()));
    }
    return trend;
  }

  /**
   * Every value of {@code dimension} with documents this week or last, largest this week first
   * (ties by name). Shares are of this week's documents, or for brands ({@code own} not null) of
   * all brand mentions. The change of net sentiment is Welch-tested, Holm-adjusted over the values.
   */
  private static List<GroupFigures> groups(WeeklyCounts counts, Dimension dimension, Weeks all, Set<String> own) {
    List<String> names = new ArrayList<>();
    long voiceNow = 0;
    long voiceLast = 0;
    for (String name : counts.values(dimension)) {
      Weeks weeks = new Weeks(counts.of(dimension, name));
      if (weeks.now().total() + weeks.last().total() > 0) {
        names.add(name);
        voiceNow += weeks.now().total();
        voiceLast += weeks.last().total();
      }
    }
    long wholeNow = own == null ? all.now().total() : voiceNow;
    long wholeLast = own == null ? all.last().total() : voiceLast;
    List<Test> tests = ReportStatistics.holm(names.stream()
        .map(name -> new Weeks(counts.of(dimension, name)))
        .map(weeks -> ReportStatistics.netSentiment(weeks.now(), weeks.last())).toList());
    List<GroupFigures> rows = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Weeks weeks = new Weeks(counts.of(dimension, names.get(i)));
      SentimentCounts now = weeks.now();
      SentimentCounts last = weeks.last();
      rows.add(new GroupFigures(names.get(i), own == null ? null : own.contains(names.get(i)), now.total(),
          share(now.total(), wholeNow), now, SentimentStatistics.netSentiment(now, ReportStatistics.LEVEL),
          last.total(), share(last.total(), wholeLast), last.net(), tests.get(i)));
    }
    rows.sort(Comparator.comparingLong(GroupFigures::volume).reversed().thenComparing(GroupFigures::name));
    return rows;
  }

  /**
   * Per classifier, {@link #groups} of its labels: the index holds {@code name:label} values, so
   * each classifier's labels are split out and tested among themselves.
   */
  private static java.util.Map<String, List<GroupFigures>> classifications(WeeklyCounts counts, Weeks all) {
    java.util.Map<String, List<GroupFigures>> out = new java.util.TreeMap<>();
    java.util.Set<String> classifiers = new java.util.TreeSet<>();
    for (String value : counts.values(Dimension.CLASSIFICATION)) {
      classifiers.add(value.substring(0, Math.max(0, value.indexOf(':'))));
    }
    for (String classifier : classifiers) {
      String prefix = classifier + ":";
      WeeklyCounts only = counts.onlyValues(Dimension.CLASSIFICATION, v -> v.startsWith(prefix),
          v -> v.substring(prefix.length()));
      List<GroupFigures> labels = groups(only, Dimension.CLASSIFICATION, all, null);
      if (!labels.isEmpty()) {
        out.put(classifier, labels);
      }
    }
    return out;
  }

  /** Themes with documents in both weeks, largest absolute change of net sentiment first (ties by name). */
  private static List<GroupFigures> byChange(List<GroupFigures> themes) {
    return themes.stream().filter(t -> t.volume() > 0 && t.lastWeekVolume() > 0)
        .sorted(Comparator.comparingDouble((GroupFigures t) -> -Math.abs(t.netSentimentChange().change()))
            .thenComparing(GroupFigures::name))
        .toList();
  }

  /**
   * Themes with at least {@link #MIN_EMERGING} documents this week that had none in the baseline
   * weeks (new), or whose share of the week's documents is significantly above their share of the
   * baseline weeks' (one-sided z-test, Holm-adjusted over the themes tested). New first, then by
   * adjusted p-value, volume, name.
   */
  private static List<EmergingTheme> emerging(WeeklyCounts counts, Weeks all) {
    long total = all.now().total();
    long baselineTotal = all.baseline().total();
    List<String> names = new ArrayList<>();
    List<Test> raw = new ArrayList<>();
    for (String name : counts.values(Dimension.THEME)) {
      Weeks weeks = new Weeks(counts.of(Dimension.THEME, name));
      if (weeks.now().total() >= MIN_EMERGING) {
        names.add(name);
        raw.add(ReportStatistics.shareRise(weeks.now().total(), total, weeks.baseline().total(), baselineTotal));
      }
    }
    List<Test> tests = ReportStatistics.holm(raw);
    List<EmergingTheme> emerging = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Weeks weeks = new Weeks(counts.of(Dimension.THEME, names.get(i)));
      long baseline = weeks.baseline().total();
      if (baseline == 0 || tests.get(i).significant()) {
        emerging.add(new EmergingTheme(names.get(i), baseline == 0, weeks.now().total(),
            share(weeks.now().total(), total), baseline / (double) BASELINE_WEEKS, share(baseline, baselineTotal),
            tests.get(i)));
      }
    }
    emerging.sort(Comparator.comparing((EmergingTheme e) -> !e.isNew())
        .thenComparingDouble(e -> e.shareVsBaseline().adjustedPValue() == null ? 1 : e.shareVsBaseline().adjustedPValue())
        .thenComparing(Comparator.comparingLong(EmergingTheme::volume).reversed())
        .thenComparing(EmergingTheme::name));
    return emerging;
  }

  /** The aspect terms with the most mentions of {@code label} this week (ties: volume, then term). */
  private static List<AspectFigures> aspects(WeeklyCounts counts, SentimentLabel label) {
    List<AspectFigures> aspects = new ArrayList<>();
    for (String term : counts.values(Dimension.ASPECT)) {
      SentimentCounts now = counts.of(Dimension.ASPECT, term).getLast();
      if (now.of(label) > 0) {
        aspects.add(new AspectFigures(term, now.total(), now, now.net()));
      }
    }
    aspects.sort(Comparator.comparingLong((AspectFigures a) -> -a.sentiment().of(label))
        .thenComparing(Comparator.comparingLong(AspectFigures::volume).reversed())
        .thenComparing(AspectFigures::term));
    return List.copyOf(aspects.subList(0, Math.min(TOP_ASPECTS, aspects.size())));
  }

  static double share(long part, long whole) {
    return whole == 0 ? 0 : part / (double) whole;
  }

  private static WeeklyReport.Methods methods() {
    return new WeeklyReport.Methods(
        "weekly counts as Poisson: exact conditional binomial test, two-sided (this week vs last week: p = 1/2;"
            + " vs the 4 weeks before: p = 1/5)",
        "mean of per-document scores +1/0/-1 with a 95 % normal interval; changes by Welch's two-sample t-test",
        "a theme is emerging with at least " + MIN_EMERGING + " documents this week and none in the 4 weeks before"
            + " (new), or when its share of the week's documents is above its share of the 4 weeks before"
            + " (one-sided two-proportion z-test, pooled)",
        "Holm-Bonferroni over the themes, sources, kinds or brands tested together",
        ReportStatistics.ALPHA);
  }
}
