package dev.gatekeeper.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.testing.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/**
 * The topology's description, with every processor, store and internal topic name, is the one
 * checked in: renaming a store or an internal topic loses its state in production, so it must be
 * a visible change to {@code topology/gatekeeper.txt}, never an accident. After a deliberate
 * change, run this test with {@code -Dtopology.golden.write=true} and review the diff.
 */
class TopologyGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/topology/gatekeeper.txt");

  @Test
  void topologyDescriptionMatchesTheCheckedInOne() throws IOException {
    Topology topology = GatekeeperTopology.build(
        TestConfigs.gatekeeper(),
        StreamsDefaults.of("gatekeeper-golden", "test.invalid:9092", Files.createTempDirectory("golden")));
    // A topic extractor prints as its lambda's class, whose number changes from run to run.
    String described = topology.describe().toString()
        .replaceAll("\\$\\$Lambda[$/\\w]*@\\w+", "\\$\\$Lambda");
    if (Boolean.getBoolean("topology.golden.write")) {
      Files.writeString(GOLDEN, described, StandardCharsets.UTF_8);
    }
    assertThat(described)
        .as("the topology changed; if a store or internal topic was renamed on purpose, rewrite %s "
            + "with -Dtopology.golden.write=true and plan the state migration", GOLDEN)
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }
}
