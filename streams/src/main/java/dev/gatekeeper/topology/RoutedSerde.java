package dev.gatekeeper.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of a sink fed {@link Routed} records: it writes each record's payload with the
 * serde of the record's own catalog topic, so the bytes always match the topic they land on.
 * Sink-only: the topology never reads these records back, so its deserializer refuses.
 *
 * @param <W> the sink's value type; every value must be a {@link Routed}
 */
final class RoutedSerde<W> implements Serde<W> {

  @Override
  public Serializer<W> serializer() {
    return (topicName, value) -> value == null ? null : write(routed(value), topicName);
  }

  @Override
  public Deserializer<W> deserializer() {
    return (topicName, bytes) -> {
      throw new org.apache.kafka.common.errors.SerializationException("routed records are only written; read '" + topicName + "' with its catalog topic's serde");
    };
  }

  private static Routed<?> routed(Object value) {
    if (value instanceof Routed<?> r) {
      return r;
    }
    throw new IllegalStateException("a routed sink was given a " + value.getClass().getSimpleName());
  }

  private static <V> byte[] write(Routed<V> routed, String topicName) {
    if (!routed.topic().name().equals(topicName)) {
      // The extractor chose the topic from the same record: a mismatch is a wiring bug.
      throw new IllegalStateException("a record routed to '" + routed.topic().name() + "' is being written to '" + topicName + "'");
    }
    return routed.topic().valueSerde().serializer().serialize(topicName, routed.payload());
  }
}
