package dev.gatekeeper.bench;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The benchmark's baselines: input to output with no logic. With the run's wire-format serde
 * (every event decoded and encoded) the ratio to it measures the gatekeeper's own cost; with byte
 * arrays it is what Kafka Streams with exactly_once_v2 alone reaches on the machine.
 */
final class PassThroughTopology {
  private PassThroughTopology() {}

  static <K, V> Topology build(String input, String output, java.util.Properties props, Serde<K> keySerde, Serde<V> valueSerde) {
    StreamsBuilder b = new StreamsBuilder();
    b.stream(input, Consumed.with(keySerde, valueSerde).withName("passthrough-source"))
        .to(output, Produced.with(keySerde, valueSerde).withName("passthrough-sink"));
    return b.build(props);
  }
}
