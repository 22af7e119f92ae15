package dev.gatekeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.it.TestKafka;
import dev.gatekeeper.testing.TestConfigs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code run} and {@code topics create} refuse to go on with a clear message and exit code. */
class RunCommandIT {
  private static TestKafka broker;
  @TempDir Path dir;

  /**
   * Started by the first test rather than in {@code @BeforeAll}, so that a skip (containers asked
   * for, no Docker) is reported for each test; {@code @AfterAll} stops it.
   */
  @BeforeEach
  void startBroker() {
    if (broker == null) {
      broker = TestKafka.start();
    }
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  private List<String> settingsFor(String suffix) throws Exception {
    Path secret = dir.resolve("secret");
    Files.write(secret, TestConfigs.TEST_SECRET);
    List<String> args = new ArrayList<>(List.of(
        "--bootstrap-server", broker.bootstrapServers(),
        "--set", "deid.hmac-secret-file=" + secret,
        "--set", "health.port=0",
        "--set", "api.port=0",
        "--set", "state.dir=" + dir.resolve("state")));
    for (String t : List.of("data-events", "org-settings", "contributions", "decisions", "dlq")) {
      args.add("--set");
      args.add("topics." + t + "=" + t + "-" + suffix);
    }
    return args;
  }

  private static String[] with(String command, List<String> settings, String... more) {
    List<String> all = new ArrayList<>(List.of(command.split(" ")));
    all.addAll(settings);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void exitsThreeWhenTheClusterCannotBeReached() throws Exception {
    List<String> s = settingsFor("x");
    s.set(1, "127.0.0.1:1");
    Cli.Result r = Cli.run(with("run", s, "--check-timeout", "3s"));
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("cannot reach Kafka at 127.0.0.1:1");
  }

  @Test
  void refusesToStartWithoutAnHmacSecret() {
    Cli.Result r = Cli.run("run", "--bootstrap-server", broker.bootstrapServers());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no HMAC secret").contains("GATEKEEPER_HMAC_SECRET");
  }

  @Test
  void refusesToStartWhenTopicsAreMissing() throws Exception {
    Cli.Result r = Cli.run(with("run", settingsFor(UUID.randomUUID().toString())));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist").contains("topics create");
  }

  @Test
  void refusesToStartWhenContributionsAreNotCompacted() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    List<String> s = settingsFor(suffix);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic("contributions-" + suffix, 1, (short) 1))).all().get();
    }
    assertThat(Cli.run(with("topics create", s, "--partitions", "1")).exit())
        .as("topics create reports the misconfigured topic it found").isEqualTo(2);
    Cli.Result r = Cli.run(with("run", s));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("contributions-" + suffix).contains("must be compact");
  }

  @Test
  void createsTopicsThatPassTheStartUpChecks() throws Exception {
    List<String> s = settingsFor(UUID.randomUUID().toString().substring(0, 8));
    assertThat(Cli.run(with("topics create", s, "--partitions", "2")).exit()).isZero();
    assertThat(Cli.run(with("topics create", s, "--partitions", "2")).exit()).as("idempotent").isZero();
  }

  @Test
  void refusesToStartUntilTheConfiguredRegionsHaveTopicsAndCreatesThem() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    List<String> s = settingsFor(suffix);
    s.addAll(List.of("--set", "topics.aggregates=aggregates-" + suffix));
    assertThat(Cli.run(with("topics create", s, "--partitions", "1")).exit()).isZero();
    List<String> regional = new ArrayList<>(s);
    regional.addAll(List.of("--set", "routing.regional=true", "--set", "routing.regions=eu,us"));

    Cli.Result r = Cli.run(with("run", regional));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("contributions-" + suffix + ".eu").contains("does not exist");

    assertThat(Cli.run(with("topics create", regional, "--partitions", "1")).exit()).isZero();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get()).contains(
          "contributions-" + suffix + ".eu", "contributions-" + suffix + ".us",
          "aggregates-" + suffix + ".eu", "aggregates-" + suffix + ".us");
    }
  }

  @Test
  void rejectsASettingThatWouldRelaxExactlyOnce() throws Exception {
    Cli.Result r = Cli.run(with("run", settingsFor("y"), "--set", "kafka.processing.guarantee=at_least_once"));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("exactly_once_v2");
  }

  @Test
  void rejectsAnUnknownSettingNamingIt() {
    Cli.Result r = Cli.run("run", "--set", "policy.efective-date=2026-01-01T00:00:00Z");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("unknown setting 'policy.efective-date'");
  }
}
