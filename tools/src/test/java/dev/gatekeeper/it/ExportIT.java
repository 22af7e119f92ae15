package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.FREE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.export.ExportException;
import dev.gatekeeper.export.ExportRequest;
import dev.gatekeeper.export.ExportResult;
import dev.gatekeeper.export.ExportRun;
import dev.gatekeeper.export.Format;
import dev.gatekeeper.export.Manifest;
import dev.gatekeeper.export.ManifestJson;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionDeletion;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gatekeeper export} against a real broker and gatekeeper: a full snapshot holds exactly
 * the live contributions; an incremental one since it holds exactly the revocations made after.
 */
class ExportIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String POLICY_VERSION = "policy-it";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path root;

  @Test
  void exportsTheLiveContributionsThenExactlyTheRevocationsMadeSince() throws Exception {
    try (TestKafka broker = TestKafka.start()) {
      RealGatekeeper gk = new RealGatekeeper(broker, 2);
      String topic = gk.config.topics().contributions();
      long now = System.currentTimeMillis();
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics());
          Admin admin = Admin.create(gk.config.clientProperties());
          GatekeeperService service = gk.startInstance()) {
        assertThat(service.awaitRunning(WAIT)).isTrue();
        ExportRun export = new ExportRun(admin, gk.config.clientProperties(), Clock.systemUTC(), Duration.ofSeconds(30), gk.config.catalog().serdes().contribution);
        for (String org : List.of("o1", "o2")) {
          in.settings(Fixtures.settings(org, Instant.ofEpochMilli(now - 60_000).toString()).product("s1", "jira", FREE).build());
        }
        in.flush();
        for (int i = 0; i < 20; i++) {
          for (String org : List.of("o1", "o2")) {
            in.event(Fixtures.event(org + "-e" + i, org, Instant.ofEpochMilli(now).toString()).build());
          }
        }
        in.flush();
        await("40 contributions committed").atMost(WAIT).until(() -> out.poll().liveContributionIds().size() == 40);

        ExportResult full = export.run(request("full", Format.AVRO, topic, null));
        assertThat(full.manifest().kind()).isEqualTo(Manifest.Kind.FULL);
        assertThat(full.manifest().records()).isEqualTo(40);
        assertThat(full.manifest().policyVersions()).containsExactlyElementsOf(contributedPolicyVersions(out.decisions));
        assertThat(full.manifest().gatekeeperPolicyVersion()).isEqualTo(POLICY_VERSION);
        assertThat(ids(readAvro(root.resolve("full/contributions.avro"), Contribution.class))).isEqualTo(Set.copyOf(out.liveContributionIds()));
        assertThat(ManifestJson.read(root.resolve("full/manifest.json"))).isEqualTo(full.manifest());
        assertThat(root.resolve("full/deletions.avro")).doesNotExist();
        assertThat(fileNames(root.resolve("full"))).as("the scratch store is gone").containsExactly("contributions.avro", "manifest.json");

        in.settings(Fixtures.settings("o1", Instant.ofEpochMilli(now - 30_000).toString())
            .product("s1", "jira", FREE).inApp(ContributionSetting.OFF).build());
        in.flush();
        await("o1's 20 contributions tombstoned").atMost(WAIT).until(() -> out.poll().liveContributionIds().size() == 20
            && revoked(out.decisions).size() == 20);
        Set<String> revoked = revoked(out.decisions);

        Path fullManifest = root.resolve("full/manifest.json");
        ExportResult since = export.run(request("since", Format.AVRO, topic, fullManifest));
        assertThat(since.manifest().kind()).isEqualTo(Manifest.Kind.INCREMENTAL);
        assertThat(since.manifest().sinceOffsets()).isEqualTo(full.manifest().endOffsets());
        assertThat(since.manifest().records()).isZero();
        assertThat(since.manifest().deletions()).isEqualTo(20);
        assertThat(readAvro(root.resolve("since/contributions.avro"), Contribution.class)).isEmpty();
        List<ContributionDeletion> deletions = readAvro(root.resolve("since/deletions.avro"), ContributionDeletion.class);
        assertThat(deletions.stream().map(ContributionDeletion::getContributionId).collect(Collectors.toSet())).isEqualTo(revoked);

        export.run(request("since-jsonl", Format.JSONL, topic, fullManifest));
        assertThat(Files.readAllLines(root.resolve("since-jsonl/contributions.jsonl"))).isEmpty();
        assertThat(jsonIds(root.resolve("since-jsonl/deletions.jsonl"))).isEqualTo(revoked);
        export.run(request("full-jsonl", Format.JSONL, topic, null));
        assertThat(jsonIds(root.resolve("full-jsonl/contributions.jsonl"))).isEqualTo(Set.copyOf(out.liveContributionIds()));
        ExportResult parquet = export.run(request("full-parquet", Format.PARQUET, topic, null));
        assertThat(parquet.manifest().format()).isEqualTo(Format.PARQUET);
        assertThat(duckDbIds(root.resolve("full-parquet/contributions.parquet"))).isEqualTo(Set.copyOf(out.liveContributionIds()));
        export.run(request("since-parquet", Format.PARQUET, topic, fullManifest));
        assertThat(duckDbIds(root.resolve("since-parquet/contributions.parquet"))).isEmpty();
        assertThat(duckDbIds(root.resolve("since-parquet/deletions.parquet"))).isEqualTo(revoked);

        refusesWhatItCannotExportCorrectly(export, admin, gk.config.clientProperties(), topic, gk.config.topics().decisions(), fullManifest);
      }
    }
  }

  /** The failures need the same broker and topic, so they run here rather than start a broker each. */
  private void refusesWhatItCannotExportCorrectly(ExportRun export, Admin admin, Properties clientProperties, String topic,
      String otherTopic, Path fullManifest) throws Exception {
    assertThatThrownBy(() -> export.run(request("full", Format.AVRO, topic, null)))
        .isInstanceOf(ExportException.class).hasMessageContaining("is not empty");
    assertThatThrownBy(() -> export.run(request("nowhere", Format.AVRO, "no-such-topic", null)))
        .isInstanceOf(ExportException.class).hasMessageContaining("topic 'no-such-topic' does not exist");
    assertThatThrownBy(() -> export.run(request("other-topic", Format.AVRO, otherTopic, fullManifest)))
        .isInstanceOf(ExportException.class).hasMessageContaining("is of topic '" + topic + "', not '" + otherTopic + "'");
    // A refusal after the read: the scratch store and the directory it was in are gone.
    admin.createTopics(List.of(new NewTopic("not-contributions", 1, (short) 1))).all().get();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(clientProperties, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("not-contributions", "k".getBytes(StandardCharsets.UTF_8),
          "canary-payload".getBytes(StandardCharsets.UTF_8))).get();
    }
    assertThatThrownBy(() -> export.run(request("not-contributions", Format.PARQUET, "not-contributions", null)))
        .isInstanceOf(ExportException.class).hasMessageContaining("is not a Contribution").hasMessageNotContaining("canary");
    assertThat(root.resolve("not-contributions")).doesNotExist();
    // With no tombstone retention at all, any earlier manifest is too old to continue from.
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
        new ConfigEntry(TopicConfig.DELETE_RETENTION_MS_CONFIG, "0"), AlterConfigOp.OpType.SET)))).all().get();
    await("the retention change is visible").atMost(WAIT).untilAsserted(() ->
        assertThatThrownBy(() -> export.run(request("too-old", Format.AVRO, topic, fullManifest)))
            .isInstanceOf(ExportException.class)
            .hasMessageContaining("delete.retention.ms=0")
            .hasMessageContaining("replace the dataset"));
    assertThat(root.resolve("too-old")).doesNotExist();
  }

  private ExportRequest request(String dir, Format format, String topic, Path since) {
    return new ExportRequest(root.resolve(dir), format, topic, since, POLICY_VERSION);
  }

  private static Set<String> revoked(List<ContributionDecision> decisions) {
    return decisions.stream().filter(d -> d.getOutcome() == Outcome.REVOKED).map(ContributionDecision::getContributionId)
        .collect(Collectors.toSet());
  }

  private static List<String> contributedPolicyVersions(List<ContributionDecision> decisions) {
    return decisions.stream().filter(d -> d.getOutcome() == Outcome.CONTRIBUTED).map(ContributionDecision::getPolicyVersion)
        .distinct().sorted().toList();
  }

  private static Set<String> ids(List<Contribution> records) {
    return records.stream().map(Contribution::getContributionId).collect(Collectors.toSet());
  }

  private static <T extends SpecificRecord> List<T> readAvro(Path file, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    try (DataFileReader<T> reader = new DataFileReader<>(file.toFile(), new SpecificDatumReader<>(type))) {
      reader.forEach(out::add);
    }
    return out;
  }

  /** With DuckDB, a reader that knows nothing of Avro. */
  private static Set<String> duckDbIds(Path file) throws SQLException {
    Set<String> ids = new java.util.HashSet<>();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("SELECT contributionId FROM read_parquet('" + file + "')")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  private static Set<String> jsonIds(Path file) throws IOException {
    Set<String> ids = new java.util.HashSet<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      ids.add(JSON.readTree(line).get("contributionId").asText());
    }
    return ids;
  }
}
