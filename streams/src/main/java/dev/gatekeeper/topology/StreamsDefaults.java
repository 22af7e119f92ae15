package dev.gatekeeper.topology;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams settings every gatekeeper runs with, offline or against a cluster: exactly-once
 * processing and fully acknowledged writes, so that a contribution and its decision commit
 * together or not at all.
 */
public final class StreamsDefaults {
  private StreamsDefaults() {}

  public static Properties of(String applicationId, String bootstrapServers, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    // Also covers global state processing, as Kafka 5.0 will by default; this app has none.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    // Kafka Streams re-reads its config from the main consumer's settings for partition
    // assignment, and would warn that the above is off: give the consumer the same value.
    props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), "true");
    // A store or internal topic with a generated name would be renamed by any change to the
    // topology, and its state lost in production: refuse to start with one.
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, "true");
    return props;
  }
}
