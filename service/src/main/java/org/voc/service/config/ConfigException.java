package org.voc.service.config;

/** A configuration that cannot be used, with a message saying what to fix. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
