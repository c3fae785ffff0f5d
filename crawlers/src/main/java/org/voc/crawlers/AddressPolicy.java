package org.voc.crawlers;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs the crawler may fetch: http and https only, and, unless private addresses are allowed,
 * only hosts whose every resolved address is public, so a configured or redirected URL cannot reach
 * the machine itself, its network or a cloud metadata service (SSRF). Checked before each request,
 * redirects included.
 */
public final class AddressPolicy {

  private final boolean allowPrivate;

  public AddressPolicy(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Why {@code uri} may not be fetched, or null when it may. */
  public String refusal(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "only http and https URLs are fetched, not " + uri;
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "no host in " + uri;
    }
    if (uri.getRawUserInfo() != null) {
      return "credentials in URLs are not sent: " + uri.getHost();
    }
    if (allowPrivate) {
      return null;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return "unknown host " + uri.getHost();
    }
    for (InetAddress address : addresses) {
      if (isPrivate(address)) {
        return uri.getHost() + " resolves to a private address (" + address.getHostAddress()
            + "); set crawler.allowPrivateAddresses to fetch it";
      }
    }
    return null;
  }

  /**
   * Loopback, unspecified, link-local (incl. 169.254.169.254), private (10/8, 172.16/12,
   * 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), multicast, and IPv4 reached through IPv6
   * (mapped or NAT64) when the IPv4 address is one of those.
   */
  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || first >= 240;
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return true; // unique local fc00::/7
      }
      boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
      boolean compatible = isZero(b, 0, 12);
      if (mapped || nat64 || compatible) {
        try {
          return isPrivate(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
