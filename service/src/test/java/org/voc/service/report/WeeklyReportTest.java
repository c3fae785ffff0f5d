package org.voc.service.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.voc.nlp.SentimentLabel.NEGATIVE;
import static org.voc.nlp.SentimentLabel.NEUTRAL;
import static org.voc.nlp.SentimentLabel.POSITIVE;
import static org.voc.service.report.ReportDocuments.doc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voc.index.LuceneDocumentIndex;
import org.voc.nlp.DocumentKind;
import org.voc.nlp.VocJson;

/**
 * A report on documents with known figures, in week 2026-W47 (16 to 22 November), the week before
 * and the baseline weeks 2026-W43 to W46: this week 7 documents (5 negative, 1 neutral, 1
 * positive), last week 2 (both positive), the 4 weeks before 4 in all.
 */
class WeeklyReportTest {

  static final Clock WEDNESDAY_W48 = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
  static final String SCRIPT = "<script>alert(1)</script> the screen froze, [click](javascript:alert(1)) www.evil.example";
  static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"refund\") billing charged me twice";

  @TempDir Path dir;
  LuceneDocumentIndex index;
  WeeklyReporter reporter;

  @BeforeEach
  void documents() throws IOException {
    index = LuceneDocumentIndex.open(dir, Duration.ofHours(1));
    // 2026-W47
    index.put(doc("appstore", "a1", "2026-11-16T08:00:00Z", POSITIVE, "Fast shipping and the battery life is great.")
        .brand("acme").theme("shipping", POSITIVE).aspect("battery life", POSITIVE).build());
    index.put(doc("appstore", "a2", "2026-11-17T08:00:00Z", NEGATIVE, "Globex shipping was slow and the screen cracked.")
        .theme("shipping", NEGATIVE).aspect("screen", NEGATIVE).mention("Globex", NEGATIVE).build());
    index.put(doc("zendesk", "t1", "2026-11-18T08:00:00Z", NEGATIVE, SCRIPT).kind(DocumentKind.TICKET)
        .theme("support", NEGATIVE).aspect("screen", NEGATIVE).build());
    index.put(doc("zendesk", "t2", "2026-11-18T09:00:00Z", NEUTRAL, "Support replied.").kind(DocumentKind.TICKET)
        .theme("support", NEUTRAL).build());
    index.put(doc("zendesk", "t3", "2026-11-19T08:00:00Z", NEGATIVE, FORMULA).kind(DocumentKind.TICKET)
        .theme("billing", NEGATIVE).build());
    index.put(doc("zendesk", "t4", "2026-11-20T08:00:00Z", NEGATIVE, "Billing is a mess.").kind(DocumentKind.TICKET)
        .theme("billing", NEGATIVE).build());
    index.put(doc("zendesk", "t 5/x", "2026-11-22T23:59:59Z", NEGATIVE, "Billing again.").kind(DocumentKind.TICKET)
        .theme("billing", NEGATIVE).build());
    // 2026-W46: last week
    index.put(doc("appstore", "b1", "2026-11-09T08:00:00Z", POSITIVE, "Shipping was quick.").brand("acme")
        .theme("shipping", POSITIVE).build());
    index.put(doc("appstore", "b2", "2026-11-10T08:00:00Z", POSITIVE, "Great shipping.").theme("shipping", POSITIVE)
        .build());
    // 2026-W43 and W44, and W48 (after the week: not counted)
    index.put(doc("appstore", "c1", "2026-10-19T08:00:00Z", NEUTRAL, "Fine.").build());
    index.put(doc("appstore", "c2", "2026-10-26T08:00:00Z", NEGATIVE, "Support is slow.").theme("support", NEGATIVE)
        .build());
    index.put(doc("appstore", "later", "2026-11-23T00:00:00Z", NEGATIVE, "Next week.").build());
    index.refresh();
    reporter = new WeeklyReporter(index, () -> Set.of("acme"), WEDNESDAY_W48);
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  WeeklyReport w47() throws IOException {
    return reporter.report(IsoWeek.parse("2026-W47"));
  }

  @Test
  void jsonHasTheKnownVolumesSentimentAndTests() throws IOException {
    JsonNode json = VocJson.mapper().readTree(ReportFormat.JSON.render(w47()));

    assertThat(json.get("week").asText()).isEqualTo("2026-W47");
    assertThat(json.get("start").asText()).isEqualTo("2026-11-16");
    assertThat(json.get("complete").asBoolean()).isTrue();
    JsonNode overall = json.get("overall");
    assertThat(overall.get("volume").asLong()).isEqualTo(7);
    assertThat(overall.get("lastWeekVolume").asLong()).isEqualTo(2);
    assertThat(overall.get("fourWeekAverageVolume").asDouble()).isEqualTo(1.0);
    // 7 of 9 documents in this week when both weeks have the same rate: 2 * P(X >= 7), X ~ Bin(9, 1/2).
    assertThat(overall.get("volumeVsLastWeek").get("pValue").asDouble()).isCloseTo(92 / 512.0, within(1e-12));
    assertThat(overall.get("volumeVsLastWeek").get("test").asText()).isEqualTo("poisson_exact_conditional_binomial");
    assertThat(overall.get("volumeVsFourWeekAverage").get("change").asDouble()).isEqualTo(6.0);
    assertThat(overall.get("sentiment").toString()).isEqualTo("{\"negative\":5,\"neutral\":1,\"positive\":1}");
    assertThat(overall.get("netSentiment").get("value").asDouble()).isCloseTo(-4 / 7.0, within(1e-12));
    assertThat(overall.get("lastWeekNetSentiment").asDouble()).isEqualTo(1.0);
    assertThat(overall.get("fourWeekNetSentiment").asDouble()).isCloseTo(1 / 4.0, within(1e-12));
    assertThat(overall.get("netSentimentVsLastWeek").get("test").asText()).isEqualTo("welch_t_test");
    assertThat(json.get("trend")).hasSize(12);
    assertThat(json.get("trend").get(11).get("volume").asLong()).isEqualTo(7);
  }

  @Test
  void breakdownsByThemeSourceKindBrandAndAspect() throws IOException {
    WeeklyReport report = w47();

    assertThat(report.themesByVolume()).extracting(WeeklyReport.GroupFigures::name)
        .containsExactly("billing", "shipping", "support");
    WeeklyReport.GroupFigures shipping = report.themesByVolume().get(1);
    assertThat(shipping.volume()).isEqualTo(2);
    assertThat(shipping.share()).isCloseTo(2 / 7.0, within(1e-12));
    assertThat(shipping.netSentiment().value()).isEqualTo(0.0);
    assertThat(shipping.lastWeekNetSentiment()).isEqualTo(1.0);
    assertThat(shipping.netSentimentChange().change()).isEqualTo(-1.0);
    assertThat(report.themesByChange()).extracting(WeeklyReport.GroupFigures::name).containsExactly("shipping");

    assertThat(report.emergingThemes()).singleElement().satisfies(billing -> {
      assertThat(billing.name()).isEqualTo("billing");
      assertThat(billing.isNew()).isTrue();
      assertThat(billing.volume()).isEqualTo(3);
    });
    assertThat(report.sources()).extracting(WeeklyReport.GroupFigures::name, WeeklyReport.GroupFigures::volume)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("zendesk", 5L), org.assertj.core.groups.Tuple.tuple("appstore", 2L));
    assertThat(report.kinds()).extracting(WeeklyReport.GroupFigures::name).containsExactly("ticket", "review");
    assertThat(report.brands()).extracting(WeeklyReport.GroupFigures::name, WeeklyReport.GroupFigures::own,
        WeeklyReport.GroupFigures::share).containsExactly(org.assertj.core.groups.Tuple.tuple("Globex", false, 0.5),
        org.assertj.core.groups.Tuple.tuple("acme", true, 0.5));
    assertThat(report.aspectsCriticised()).extracting(WeeklyReport.AspectFigures::term).containsExactly("screen");
    assertThat(report.aspectsCriticised().getFirst().sentiment().negative()).isEqualTo(2);
    assertThat(report.aspectsPraised()).extracting(WeeklyReport.AspectFigures::term).containsExactly("battery life");
  }

  @Test
  void ticketsAreBrokenDownByUrgencyAndByEachClassifiersLabels() throws IOException {
    index.put(doc("zendesk", "u1", "2026-11-18T10:00:00Z", NEGATIVE, "Someone took money from my account.")
        .kind(DocumentKind.TICKET).urgency("high").classified("intent", "fraud").build());
    index.put(doc("zendesk", "u2", "2026-11-18T11:00:00Z", NEGATIVE, "My card has not arrived.")
        .kind(DocumentKind.TICKET).urgency("normal").classified("intent", "card_arrival").build());
    index.put(doc("zendesk", "u3", "2026-11-19T11:00:00Z", POSITIVE, "The card came, thanks.")
        .kind(DocumentKind.TICKET).urgency("low").classified("intent", "card_arrival").build());
    index.put(doc("zendesk", "u4", "2026-11-19T12:00:00Z", NEUTRAL, "Hm.")
        .kind(DocumentKind.TICKET).urgency("normal").classified("intent", null).build());
    index.put(doc("zendesk", "u5", "2026-11-10T12:00:00Z", NEGATIVE, "Where is my card?")
        .kind(DocumentKind.TICKET).urgency("normal").classified("intent", "card_arrival").build());
    index.refresh();

    WeeklyReport report = reporter.report(IsoWeek.parse("2026-W47"));

    assertThat(report.urgency()).extracting(WeeklyReport.GroupFigures::name, WeeklyReport.GroupFigures::volume)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("normal", 2L), org.assertj.core.groups.Tuple.tuple("high", 1L),
            org.assertj.core.groups.Tuple.tuple("low", 1L));
    assertThat(report.classifications()).containsOnlyKeys("intent");
    java.util.List<WeeklyReport.GroupFigures> intent = report.classifications().get("intent");
    assertThat(intent).extracting(WeeklyReport.GroupFigures::name).containsExactly("card_arrival", "?uncertain", "fraud");
    WeeklyReport.GroupFigures card = intent.getFirst();
    assertThat(card.volume()).isEqualTo(2);
    assertThat(card.sentiment().negative()).isEqualTo(1);
    assertThat(card.sentiment().positive()).isEqualTo(1);
    assertThat(card.lastWeekVolume()).isEqualTo(1);
    assertThat(ReportFormat.CSV.render(report)).contains("classifier:intent,card_arrival,volume,2")
        .contains("urgency,high,volume,1");
    assertThat(ReportFormat.HTML.render(report)).contains("<h2>Classifier intent</h2>").contains("Tickets by urgency");
  }

  @Test
  void findingsCarryQuotesThatLinkToTheirDocuments() throws IOException {
    WeeklyReport report = w47();

    assertThat(report.findings()).extracting(WeeklyReport.Finding::kind)
        .containsExactly("emerging_theme", "aspect_criticised", "aspect_praised");
    WeeklyReport.Finding billing = report.findings().getFirst();
    assertThat(billing.subject()).isEqualTo("billing");
    assertThat(billing.quotes()).extracting(WeeklyReport.Quote::id).containsExactly("t 5/x", "t4", "t3");
    assertThat(billing.quotes().getFirst().document()).isEqualTo("/v1/documents/zendesk/t%205%2Fx");
    assertThat(billing.quotes().getFirst().page()).isEqualTo("/#/documents/zendesk/t%205%2Fx");
    WeeklyReport.Finding screen = report.findings().get(1);
    assertThat(screen.quotes()).extracting(WeeklyReport.Quote::id).containsExactly("t1", "a2");
  }

  @Test
  void summaryIsTemplatesFilledWithTheFigures() throws IOException {
    assertThat(w47().summary()).containsExactly(
        "7 documents in 2026-W47, up 5 (250.0%) against 2 the week before (within normal variation, p = 0.180)"
            + " and a 4-week average of 1 (significant, p = 0.002).",
        "Net sentiment was -0.57 against +1.00 the week before (significant, p = 0.002) and +0.25 over the 4 weeks"
            + " before (within normal variation, p = 0.201).",
        "acme had 50.0% share of voice (last week 100.0%) and net sentiment +1.00.",
        "New theme: billing (3 documents; none in the 4 weeks before).",
        "Criticised: screen (2 negative of 2 mentions).",
        "Praised: battery life (1 positive of 1 mention).",
        "No theme's net sentiment changed significantly; the largest change was shipping (+1.00 to 0.00).");
  }

  @Test
  void csvHasOneFigurePerRowAndNeutralisesFormulas() throws IOException {
    String csv = ReportFormat.CSV.render(w47());

    assertThat(csv).startsWith("week,section,item,metric,value\r\n");
    assertThat(csv).contains("2026-W47,overall,all,volume,7\r\n", "2026-W47,overall,all,volume_last_week,2\r\n",
        "2026-W47,overall,all,net_sentiment,-0.5714\r\n", "2026-W47,overall,all,negative,5\r\n",
        "2026-W47,theme,billing,volume,3\r\n", "2026-W47,theme,shipping,share,0.2857\r\n",
        "2026-W47,theme,shipping,net_sentiment_change_change,-1\r\n", "2026-W47,emerging_theme,billing,new,true\r\n",
        "2026-W47,brand,acme,own,true\r\n", "2026-W47,aspect_criticised,screen,negative,2\r\n",
        "2026-W47,trend,2026-W46,volume,2\r\n");
    assertThat(csv).contains(",quote,billing,/v1/documents/zendesk/t3,\"'=HYPERLINK(\"\"http://evil.example\"\"");
    assertThat(csv).doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
  }

  @Test
  void htmlIsSelfContainedAndUntrustedTextIsInert() throws IOException {
    String html = ReportFormat.HTML.render(w47());

    assertThat(html).doesNotContain("<script", "javascript:alert(1)\"", "src=\"http", "href=\"http", "@import", "url(");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; the screen froze");
    assertThat(html).contains("<svg", "@media print", "Content-Security-Policy");
    assertThat(html).contains("<a href=\"/#/documents/zendesk/t1\">zendesk/t1</a>");
  }

  @Test
  void markdownEscapesQuotesSoTheyCannotMakeLinksOrMarkup() throws IOException {
    String md = ReportFormat.MARKDOWN.render(w47());

    assertThat(md).startsWith("# Weekly report 2026-W47 (2026-11-16 to 2026-11-22)\n");
    assertThat(md).doesNotContain("[click](", "<script>", "www.evil");
    assertThat(md).contains("\\<script\\>alert\\(1\\)\\<\\/script\\> the screen froze\\, \\[click\\]\\(javascript\\:");
    assertThat(md).contains("[zendesk\\/t1](/#/documents/zendesk/t1)");
  }

  @Test
  void everyFormatIsByteStable() throws IOException {
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.render(w47())).as(format.name()).isEqualTo(format.render(w47()));
    }
  }

  @Test
  void aWeekWithoutDocumentsIsAReportOfZeros() throws IOException {
    WeeklyReport empty = reporter.report(IsoWeek.parse("2026-W30"));

    assertThat(empty.overall().volume()).isZero();
    assertThat(empty.findings()).isEmpty();
    assertThat(empty.overall().volumeVsLastWeek().pValue()).isNull();
    for (ReportFormat format : ReportFormat.values()) {
      assertThat(format.render(empty)).isNotEmpty();
    }
  }
}
