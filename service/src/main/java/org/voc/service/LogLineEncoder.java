package org.voc.service;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * Writes each log event as one line: text by the pattern (the default), or, with {@code format}
 * {@code json} (from {@code VOC_LOG_FORMAT} in {@code logback.xml}), one JSON object per line for
 * log collectors. The JSON is logback's own {@link JsonEncoder}, trimmed to {@code timestamp}
 * (epoch milliseconds), {@code level}, {@code threadName}, {@code loggerName}, {@code mdc}, {@code
 * formattedMessage} and {@code throwable} (class, message, stack frames and causes as JSON); it
 * escapes quotes, newlines and control characters, so a logged text sent by a client cannot break a
 * line or forge a field. An unknown format falls back to text with a warning.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {

  private String format = "text";
  private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n";
  private Encoder<ILoggingEvent> delegate;

  /** {@code text} or {@code json}, any case. */
  public void setFormat(String value) {
    format = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }

  /** The pattern of text lines. */
  public void setPattern(String value) {
    pattern = value;
  }

  @Override
  public void start() {
    delegate = switch (format) {
      case "json" -> json();
      case "text", "" -> text();
      default -> {
        addWarn("Unknown log format '" + format + "' (VOC_LOG_FORMAT): text or json; writing text");
        yield text();
      }
    };
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  private static Encoder<ILoggingEvent> json() {
    JsonEncoder json = new JsonEncoder();
    json.setWithContext(false);
    json.setWithSequenceNumber(false);
    json.setWithNanoseconds(false);
    json.setWithMessage(false); // the template: formattedMessage has it with its arguments filled in
    json.setWithArguments(false);
    json.setWithFormattedMessage(true);
    return json;
  }

  private Encoder<ILoggingEvent> text() {
    PatternLayoutEncoder text = new PatternLayoutEncoder();
    text.setPattern(pattern);
    return text;
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return delegate.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }
}
