package dev.gatekeeper.bench;

import dev.gatekeeper.schema.DataEvent;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The benchmark's baseline: input to output with no logic, but the same wire-format serde as the
 * gatekeeper (every event decoded and encoded), so the ratio measures the gatekeeper's own cost.
 */
final class PassThroughTopology {
  private PassThroughTopology() {}

  static Topology build(String input, String output, java.util.Properties props, Serde<DataEvent> serde) {
    StreamsBuilder b = new StreamsBuilder();
    b.stream(input, Consumed.with(Serdes.String(), serde).withName("passthrough-source"))
        .to(output, Produced.with(Serdes.String(), serde).withName("passthrough-sink"));
    return b.build(props);
  }
}
