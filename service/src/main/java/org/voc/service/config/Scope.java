package org.voc.service.config;

import java.util.Locale;

/** What an API key may do. */
public enum Scope {
  INGEST,
  READ,
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static boolean isKnown(String value) {
    for (Scope scope : values()) {
      if (scope.wireName().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
