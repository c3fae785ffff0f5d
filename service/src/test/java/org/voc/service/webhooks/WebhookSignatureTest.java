package org.voc.service.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.voc.service.webhooks.WebhookSignature.Check;

/** Signatures checked against values computed independently with {@code openssl dgst -hmac}. */
class WebhookSignatureTest {

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void zendeskSignsTimestampThenBodyWithHmacSha256InBase64() {
    byte[] body = bytes("{\"ticket\":{\"id\":\"1\"}}");
    String timestamp = "2026-12-02T16:00:00Z";
    assertThat(WebhookSignature.zendesk("zd-secret", "Jpm4LTfhgFn7VDTiGH7WfGF+IXj1WPlodoL4AXaFTW8=", timestamp, body))
        .isEqualTo(Check.VALID);
    assertThat(WebhookSignature.zendesk("other", "Jpm4LTfhgFn7VDTiGH7WfGF+IXj1WPlodoL4AXaFTW8=", timestamp, body))
        .isEqualTo(Check.INVALID);
    assertThat(WebhookSignature.zendesk("zd-secret", "Jpm4LTfhgFn7VDTiGH7WfGF+IXj1WPlodoL4AXaFTW8=",
        "2026-12-02T16:00:01Z", body)).isEqualTo(Check.INVALID);
    assertThat(WebhookSignature.zendesk("zd-secret", null, timestamp, body)).isEqualTo(Check.MISSING);
    assertThat(WebhookSignature.zendesk("zd-secret", "x", null, body)).isEqualTo(Check.MISSING);
  }

  @Test
  void intercomSignsTheBodyWithHmacSha1InHex() {
    byte[] body = bytes("{\"type\":\"notification_event\"}");
    assertThat(WebhookSignature.intercom("ic-secret", "sha1=45b00c17792dd1a95e5edaa3100cc294a365ec08", body))
        .isEqualTo(Check.VALID);
    assertThat(WebhookSignature.intercom("ic-secret", "sha1=45b00c17792dd1a95e5edaa3100cc294a365ec09", body))
        .isEqualTo(Check.INVALID);
    assertThat(WebhookSignature.intercom("ic-secret", "45b00c17792dd1a95e5edaa3100cc294a365ec08", body))
        .isEqualTo(Check.INVALID);
    assertThat(WebhookSignature.intercom("ic-secret", null, body)).isEqualTo(Check.MISSING);
  }

  @Test
  void freshdeskSharedSecretComesAsHeaderOrBasicAuthPassword() {
    String basic = "Basic " + Base64.getEncoder().encodeToString(bytes("freshdesk:fd-secret"));
    String apiKeyMode = "Basic " + Base64.getEncoder().encodeToString(bytes("fd-secret:X"));
    String wrongBasic = "Basic " + Base64.getEncoder().encodeToString(bytes("fd-secre:nope"));
    assertThat(WebhookSignature.sharedSecret("fd-secret", "fd-secret", null)).isEqualTo(Check.VALID);
    assertThat(WebhookSignature.sharedSecret("fd-secret", null, basic)).isEqualTo(Check.VALID);
    assertThat(WebhookSignature.sharedSecret("fd-secret", null, apiKeyMode)).isEqualTo(Check.VALID);
    assertThat(WebhookSignature.sharedSecret("fd-secret", null, wrongBasic)).isEqualTo(Check.INVALID);
    assertThat(WebhookSignature.sharedSecret("fd-secret", "fd-secre", null)).isEqualTo(Check.INVALID);
    assertThat(WebhookSignature.sharedSecret("fd-secret", null, "Basic %%%")).isEqualTo(Check.INVALID);
    assertThat(WebhookSignature.sharedSecret("fd-secret", null, "Bearer fd-secret")).isEqualTo(Check.MISSING);
  }
}
