package dev.gatekeeper.topology;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * One topic of the gatekeeper, declared once in the {@link TopicCatalog}: its name paired with the
 * serdes of its keys and values, the class of its values, its role and how the brokers keep it.
 * Whoever reads or writes the topic takes all of these from here, so a name is never paired with
 * the wrong record type.
 *
 * @param valueClass the class of the values: a generated Avro record, or {@code byte[]} for the
 *     dead letters (kept as received)
 * @param region the residency region of a regional topic; null for every other topic
 */
public record Topic<K, V>(
    String name,
    Serde<K> keySerde,
    Serde<V> valueSerde,
    Class<V> valueClass,
    Role role,
    String region,
    TopicLayout layout) {

  /** What the topic is to the gatekeeper. */
  public enum Role {
    /** Read by the gatekeeper, written by others (data events, settings). */
    INPUT,
    /** Written by the gatekeeper for others to read. */
    OUTPUT,
    /** Written by the gatekeeper with what it could not decode, as received. */
    DEAD_LETTERS
  }

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    Objects.requireNonNull(valueClass, "valueClass");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(layout, "layout");
  }

  /** Whether this is a residency region's own topic. */
  public boolean regional() {
    return region != null;
  }

  /** Whether its values are Avro records (every topic but the dead letters). */
  public boolean carriesRecords() {
    return SpecificRecord.class.isAssignableFrom(valueClass);
  }

  /** The same topic under another name and region: a regional sibling of a default topic. */
  Topic<K, V> forRegion(String regionalName, String regionName) {
    return new Topic<>(regionalName, keySerde, valueSerde, valueClass, role, regionName, layout);
  }

  @Override
  public String toString() {
    return name;
  }
}
