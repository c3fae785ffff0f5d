package org.voc.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.voc.nlp.Document;
import org.voc.nlp.DocumentKind;

class PiiRedactorTest {

  @Test
  void emailAddressesBecomePlaceholders() {
    assertThat(PiiRedactor.redact("Write to jane.doe+voc@mail.example.co.uk or J_SMITH@acme.com, thanks."))
        .isEqualTo("Write to [email] or [email], thanks.");
  }

  @Test
  void phoneNumbersInCommonFormatsBecomePlaceholders() {
    assertThat(PiiRedactor.redact("Call +44 20 7946 0958 today")).isEqualTo("Call [phone] today");
    assertThat(PiiRedactor.redact("US: (415) 555-2671.")).isEqualTo("US: [phone].");
    assertThat(PiiRedactor.redact("or 415.555.2671 or 415-555-2671")).isEqualTo("or [phone] or [phone]");
    assertThat(PiiRedactor.redact("Festnetz 030 12345678, mobil 0049 151 2345 6789"))
        .isEqualTo("Festnetz [phone], mobil [phone]");
  }

  @Test
  void cardNumbersAreRedactedOnlyWhenTheLuhnChecksumHolds() {
    assertThat(PiiRedactor.redact("card 4111 1111 1111 1111 was charged")).isEqualTo("card [card] was charged");
    assertThat(PiiRedactor.redact("card 5500-0000-0000-0004")).isEqualTo("card [card]");
    assertThat(PiiRedactor.redact("amex 378282246310005")).isEqualTo("amex [card]");
    assertThat(PiiRedactor.redact("order 4111 1111 1111 1112 shipped")).isEqualTo("order 4111 1111 1111 1112 shipped");
  }

  @Test
  void ibansAreRedactedOnlyWhenTheirCheckDigitsHold() {
    assertThat(PiiRedactor.redact("refund to DE89 3704 0044 0532 0130 00 please")).isEqualTo("refund to [iban] please");
    assertThat(PiiRedactor.redact("IBAN GB82WEST12345698765432.")).isEqualTo("IBAN [iban].");
    assertThat(PiiRedactor.redact("code DE00 3704 0044 0532 0130 00")).doesNotContain("[iban]");
  }

  @Test
  void socialSecurityNumbersBecomePlaceholders() {
    assertThat(PiiRedactor.redact("SSN 078-05-1120 on file")).isEqualTo("SSN [ssn] on file");
  }

  @Test
  void ordinaryNumbersDatesAndPricesStay() {
    String text = "Ordered on 2026-11-20, order #123456, paid $1,299.99 for 3 items at 10:45; version 4.2.1, 2024.";
    assertThat(PiiRedactor.redact(text)).isEqualTo(text);
  }

  @Test
  void textTitleAuthorAndMetadataValuesAreRedactedKeysAndIdsKept() {
    Document document = new Document("T-1", "zendesk", DocumentKind.TICKET, "mail me at a@b.io", "from a@b.io",
        "a@b.io", Instant.EPOCH, null, null, "acme", null, null, null, Map.of("requester", "a@b.io"));
    Document redacted = PiiRedactor.when(true).apply(document);
    assertThat(redacted.text()).isEqualTo("mail me at [email]");
    assertThat(redacted.title()).isEqualTo("from [email]");
    assertThat(redacted.author()).isEqualTo("[email]");
    assertThat(redacted.metadata()).containsEntry("requester", "[email]");
    assertThat(redacted.key()).isEqualTo(document.key());
    assertThat(PiiRedactor.when(false).apply(document)).isSameAs(document);
  }

  @Test
  void hostileInputIsRedactedQuickly() {
    String digits = "1 ".repeat(200_000) + "a@".repeat(100_000) + "+1 2".repeat(50_000) + "DE89".repeat(50_000);
    long start = System.nanoTime();
    PiiRedactor.redact(digits);
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
  }
}
