package org.voc.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

  private static boolean isPrivate(String address) throws Exception {
    return AddressPolicy.isPrivate(InetAddress.getByName(address));
  }

  @Test
  void privateLoopbackLinkLocalAndMappedAddressesArePrivate() throws Exception {
    for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1",
        "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe"}) {
      assertThat(isPrivate(address)).as(address).isTrue();
    }
    for (String address : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"}) {
      assertThat(isPrivate(address)).as(address).isFalse();
    }
  }

  @Test
  void onlyHttpUrlsWithoutCredentialsAndPublicHostsPass() {
    AddressPolicy strict = new AddressPolicy(false);
    assertThat(strict.refusal(URI.create("http://127.0.0.1:8080/"))).contains("private address");
    assertThat(strict.refusal(URI.create("http://localhost/"))).contains("private address");
    assertThat(strict.refusal(URI.create("http://[::1]/"))).contains("private address");
    assertThat(strict.refusal(URI.create("file:///etc/passwd"))).contains("only http and https");
    assertThat(strict.refusal(URI.create("ftp://example.com/"))).contains("only http and https");
    assertThat(strict.refusal(URI.create("http://user:pw@93.184.216.34/"))).contains("credentials");
    assertThat(strict.refusal(URI.create("http://93.184.216.34/"))).isNull();
    assertThat(new AddressPolicy(true).refusal(URI.create("http://127.0.0.1/"))).isNull();
  }
}
