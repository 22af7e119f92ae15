package dev.gatekeeper.cli;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.it.TestKafka;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.serde.AvroSerde;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settings get/validate/diff} against a real broker, through the launcher's command line. */
class SettingsCommandIT {
  private static TestKafka broker;
  @TempDir Path dir;
  private String topic;

  @BeforeEach
  void start() throws Exception {
    if (broker == null) {
      broker = TestKafka.start();
    }
    topic = "org-settings-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(Cli.run("topics", "create", "--bootstrap-server", broker.bootstrapServers(), "--partitions", "3",
        "--set", "topics.org-settings=" + topic, "--set", "topics.data-events=events-" + topic,
        "--set", "topics.contributions=contributions-" + topic, "--set", "topics.decisions=decisions-" + topic,
        "--set", "topics.dlq=dlq-" + topic, "--set", "topics.receipts=receipts-" + topic,
        "--set", "topics.aggregates=aggregates-" + topic).exit()).isZero();
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  private String[] args(String... command) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of("--bootstrap-server", broker.bootstrapServers(), "--set", "topics.org-settings=" + topic));
    return all.toArray(String[]::new);
  }

  private void publish(String orgId, OrgSettings value) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, orgId.getBytes(StandardCharsets.UTF_8),
          value == null ? null : AvroSerde.of(OrgSettings.class).encode(value))).get();
    }
  }

  @Test
  void getPrintsTheLatestRecordAndSaysWhenAnOrgHasNoneOrIsDeleted() throws Exception {
    publish("o1", settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    publish("o1", settings("o1", "2026-09-02T00:00:00Z").product("s1", "confluence", FREE).build());
    publish("o2", settings("o2", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    publish("o2", null);

    Cli.Result o1 = Cli.run(args("settings", "get", "o1"));
    assertThat(o1.exit()).isZero();
    assertThat(o1.out()).contains("\"orgId\" : \"o1\"").contains("confluence").doesNotContain("jira");

    Cli.Result nobody = Cli.run(args("settings", "get", "nobody"));
    assertThat(nobody.exit()).isEqualTo(2);
    assertThat(nobody.err()).contains("org nobody has no settings record");

    Cli.Result deleted = Cli.run(args("settings", "get", "o2"));
    assertThat(deleted.exit()).isEqualTo(2);
    assertThat(deleted.err()).contains("org o2 is deleted (a tombstone at partition");
  }

  @Test
  void diffShowsWhatAFileWouldChangeAndWarnsOfAStaleRecord() throws Exception {
    publish("o1", settings("o1", "2026-09-02T00:00:00Z").product("s1", "jira", FREE).build());
    Path file = dir.resolve("o1.json");
    Files.writeString(file, """
        {"orgId": "o1", "cloudEnvironment": "COMMERCIAL", "compliance": {},
         "products": [{"siteId": "s1", "app": "jira", "plan": "FREE"}],
         "inAppContribution": "OFF", "updatedAt": "2026-09-01T00:00:00Z"}""");

    Cli.Result diff = Cli.run(args("settings", "diff", file.toString()));

    assertThat(diff.exit()).isZero();
    assertThat(diff.out()).contains("  inAppContribution: null -> OFF").doesNotContain("products[");
    assertThat(diff.err()).contains("the service would ignore this record as stale");
  }

  @Test
  void validateListsEveryProblemAndNeedsNoCluster() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, """
        {"orgId": "o1", "cloudEnvironment": "COMMERCIAL", "compliance": {},
         "products": [{"siteId": "", "app": "jira", "plan": "FREE"}, {"siteId": "s2", "app": "", "plan": "FREE"}],
         "updatedAt": "2026-09-01T00:00:00Z"}""");

    Cli.Result result = Cli.run("settings", "validate", file.toString(), "--org", "o9");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("has 3 problems")
        .contains("  - orgId: differs from the record key")
        .contains("  - products[0].siteId: is empty")
        .contains("  - products[1].app: is empty");
  }
}
