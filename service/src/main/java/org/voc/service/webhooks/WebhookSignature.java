package org.voc.service.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook request comes from the tool that holds the shared secret. Every comparison
 * is constant-time ({@link MessageDigest#isEqual}).
 *
 * <ul>
 *   <li>Zendesk: {@code X-Zendesk-Webhook-Signature} is base64 HMAC-SHA256 of {@code
 *       X-Zendesk-Webhook-Signature-Timestamp} followed by the body, keyed with the webhook's
 *       signing secret.
 *   <li>Intercom: {@code X-Hub-Signature} is {@code sha1=} and the hex HMAC-SHA1 of the body, keyed
 *       with the app's client secret.
 *   <li>Freshdesk signs nothing; its webhook action can send a custom header or authenticate, so
 *       the secret comes as {@code X-Voc-Webhook-Secret: SECRET}, or in {@code Authorization:
 *       Basic} as the password (any user name) or, in its "API key" mode, as the user name.
 * </ul>
 */
public final class WebhookSignature {

  /** The custom header a Freshdesk webhook sends its shared secret in. */
  public static final String SECRET_HEADER = "X-Voc-Webhook-Secret";

  /** The outcome of a check. */
  public enum Check { VALID, MISSING, INVALID }

  private WebhookSignature() {}

  /** Checks a request's signature; {@code header} looks up request headers by name. */
  public static Check verify(SupportTool tool, String secret, Function<String, String> header, byte[] body) {
    return switch (tool) {
      case ZENDESK -> zendesk(secret, header.apply("X-Zendesk-Webhook-Signature"),
          header.apply("X-Zendesk-Webhook-Signature-Timestamp"), body);
      case INTERCOM -> intercom(secret, header.apply("X-Hub-Signature"), body);
      case FRESHDESK -> sharedSecret(secret, header.apply(SECRET_HEADER), header.apply("Authorization"));
    };
  }

  static Check zendesk(String secret, String signature, String timestamp, byte[] body) {
    if (signature == null || timestamp == null) {
      return Check.MISSING;
    }
    byte[] signed = concat(timestamp.getBytes(StandardCharsets.UTF_8), body);
    String expected = Base64.getEncoder().encodeToString(hmac("HmacSHA256", secret, signed));
    return equal(expected, signature.strip());
  }

  static Check intercom(String secret, String signature, byte[] body) {
    if (signature == null) {
      return Check.MISSING;
    }
    String expected = "sha1=" + HexFormat.of().formatHex(hmac("HmacSHA1", secret, body));
    return equal(expected, signature.strip().toLowerCase(Locale.ROOT));
  }

  static Check sharedSecret(String secret, String headerValue, String authorization) {
    if (headerValue != null) {
      return equal(secret, headerValue.strip());
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Check.INVALID;
      }
      // Basic auth carries the secret as password (any user), or, in Freshdesk's "API key" mode, as
      // the user name (with any password); both halves are compared, so timing tells neither apart.
      int colon = decoded.indexOf(':');
      String user = colon < 0 ? decoded : decoded.substring(0, colon);
      String password = colon < 0 ? "" : decoded.substring(colon + 1);
      boolean asPassword = equal(secret, password) == Check.VALID;
      boolean asUser = equal(secret, user) == Check.VALID;
      return asPassword || asUser ? Check.VALID : Check.INVALID;
    }
    return Check.MISSING;
  }

  /** The HMAC of {@code data} keyed with {@code secret} (tests use it to sign payloads). */
  public static byte[] hmac(String algorithm, String secret, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }

  private static Check equal(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))
        ? Check.VALID : Check.INVALID;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = new byte[a.length + b.length];
    System.arraycopy(a, 0, joined, 0, a.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }
}
