package dev.gatekeeper.topology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Builds and sends dead-letter records: where the input came from, the error class and message,
 * and a SHA-256 of the payload in headers; the raw payload only when configured. Error messages
 * are the gatekeeper's own and never quote the payload. Each one sent is counted by input and the
 * error class's simple name.
 */
final class DeadLetters {
  static final String SOURCE_TOPIC = "gatekeeper.source.topic";
  static final String SOURCE_PARTITION = "gatekeeper.source.partition";
  static final String SOURCE_OFFSET = "gatekeeper.source.offset";
  static final String ERROR_CLASS = "gatekeeper.error.class";
  static final String ERROR_MESSAGE = "gatekeeper.error.message";
  static final String PAYLOAD_SHA256 = "gatekeeper.payload.sha256";

  private final boolean includePayload;
  private final GatekeeperMetrics metrics;

  DeadLetters(boolean includePayload, GatekeeperMetrics metrics) {
    this.includePayload = includePayload;
    this.metrics = metrics;
  }

  /**
   * Forwards a dead letter for {@code input} and counts it.
   *
   * @param role the input's role, {@link GatekeeperMetrics#DATA_EVENTS} or {@link GatekeeperMetrics#ORG_SETTINGS}
   * @param errorClass a class name or a code such as {@code InvalidDataEvent}
   */
  void send(ProcessorContext<String, Inbound> context, String role, Record<byte[], byte[]> input, String errorClass, String message) {
    context.forward(of(context, input, errorClass, message));
    metrics.deadLetter(role, errorClass.substring(errorClass.lastIndexOf('.') + 1));
  }

  /** A dead letter for {@code input}, timestamped like it. */
  <K> Record<K, Inbound> of(
      ProcessorContext<?, ?> context,
      Record<byte[], byte[]> input,
      String errorClass,
      String message) {
    Headers headers = new RecordHeaders();
    context
        .recordMetadata()
        .ifPresent(
            (RecordMetadata m) -> {
              put(headers, SOURCE_TOPIC, m.topic());
              put(headers, SOURCE_PARTITION, Integer.toString(m.partition()));
              put(headers, SOURCE_OFFSET, Long.toString(m.offset()));
            });
    put(headers, ERROR_CLASS, errorClass);
    put(headers, ERROR_MESSAGE, message);
    put(headers, PAYLOAD_SHA256, sha256(input.value()));
    DeadLetter letter = new DeadLetter(input.key(), includePayload ? input.value() : null);
    return new Record<>(null, letter, input.timestamp(), headers);
  }

  private static void put(Headers headers, String key, String value) {
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] payload) {
    if (payload == null) {
      return "none";
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }
}
