package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.schema.Plan.PREMIUM;
import static dev.gatekeeper.schema.Plan.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.broker.FreePorts;
import dev.gatekeeper.cli.Cli;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code settings apply} and {@code settings delete} on a real broker against a running
 * gatekeeper ({@code run} in a child process, admin API on, token required): the dry run's
 * predicted revocations, by reason, are exactly what the real apply then makes the gatekeeper
 * revoke (REVOKED decisions, tombstones, the receipt), for an in-app opt-out, an app deletion, a
 * plan downgrade (an Enterprise trial that ends), a plan upgrade and an org's deletion; and
 * nothing reaches the settings topic from a dry run, an invalid file, a missing confirmation or an
 * unreachable API.
 */
class SettingsApplyIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final Pattern REVOKES = Pattern.compile("revokes (\\d+) live contributions?(?:: (.*))?");
  private static final long NOW = System.currentTimeMillis();

  private static TestKafka broker;
  private static RealGatekeeper gk;
  private static Process gatekeeper;
  private static int apiPort;
  private static Path tokenFile;
  private static Inputs in;
  private static CommittedOutputs out;
  private static int eventsSent;

  @TempDir Path dir;

  /**
   * Started by the first test rather than in {@code @BeforeAll}, so that a skip (containers asked
   * for, no Docker) is reported for each test; {@code @AfterAll} stops it.
   */
  @BeforeEach
  void startOnce() throws Exception {
    if (broker != null) {
      return;
    }
    broker = TestKafka.start();
    gk = new RealGatekeeper(broker, 4);
    tokenFile = ApiProcesses.tokenFile(Files.createTempDirectory("settings-apply-it-"));
    apiPort = FreePorts.pick(1).get(0);
    in = new Inputs(gk.config.clientProperties(), gk.config.topics());
    out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics());
    gatekeeper = ApiProcesses.start(gk, Files.createTempFile("settings-apply-it-", ".log"), apiPort, tokenFile);
  }

  @AfterAll
  static void stopAll() throws Exception {
    ApiProcesses.stop(gatekeeper);
    if (in != null) {
      in.close();
      out.close();
    }
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }

  private static String at(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  /** Publishes an org's settings and its events (in-app and metadata, per app), and waits until all are decided. */
  private static void seed(OrgSettings settings, Map<String, Integer> inAppByApp, Map<String, Integer> metadataByApp) {
    in.settings(settings);
    in.flush();
    String org = settings.getOrgId();
    inAppByApp.forEach((app, n) -> {
      for (int i = 0; i < n; i++) {
        in.event(Fixtures.event(org + "-in-" + app + "-" + i, org, at(NOW)).app(app).build());
        eventsSent++;
      }
    });
    metadataByApp.forEach((app, n) -> {
      for (int i = 0; i < n; i++) {
        in.event(Fixtures.event(org + "-md-" + app + "-" + i, org, at(NOW)).app(app).metadata().build());
        eventsSent++;
      }
    });
    in.flush();
    int expected = eventsSent;
    await("the events of " + org + " decided").atMost(WAIT).until(() -> out.poll().eventDecisions() == expected);
  }

  private String[] cli(String... command) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of("--bootstrap-server", broker.bootstrapServers(),
        "--set", "topics.org-settings=" + gk.config.topics().settings(),
        "--set", "topics.decisions=" + gk.config.topics().decisions(),
        "--set", "topics.receipts=" + gk.config.topics().receipts(),
        "--api", "http://127.0.0.1:" + apiPort, "--api-token-file", tokenFile.toString()));
    return all.toArray(String[]::new);
  }

  private Path file(OrgSettings settings) throws Exception {
    Path f = Files.createTempFile(dir, settings.getOrgId() + "-", ".json");
    Files.writeString(f, PlainJson.toJson(settings).toPrettyString());
    return f;
  }

  /** How many records the settings topic holds: what the tool published shows here. */
  private static long settingsRecords() {
    Properties p = new Properties();
    p.putAll(gk.config.clientProperties());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> tps = c.partitionsFor(gk.config.topics().settings(), Duration.ofSeconds(10)).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      return c.endOffsets(tps, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** The revocations a dry run's impact report predicts, by reason. */
  private static Map<String, Long> predicted(Cli.Result dryRun) {
    Matcher m = REVOKES.matcher(dryRun.out());
    assertThat(m.find()).as("the impact report in:%n%s", dryRun.out()).isTrue();
    Map<String, Long> byReason = new TreeMap<>();
    if (m.group(2) != null) {
      for (String part : m.group(2).split(", ")) {
        String[] reasonAndCount = part.strip().split(" ");
        byReason.put(reasonAndCount[0], Long.parseLong(reasonAndCount[1]));
      }
    }
    assertThat(byReason.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(Long.parseLong(m.group(1)));
    return byReason;
  }

  /** REVOKED decisions of the org after the first {@code from}, by reason. */
  private static Map<String, Long> revoked(String org, int from) {
    Map<String, Long> byReason = new TreeMap<>();
    for (ContributionDecision d : out.decisions.subList(from, out.decisions.size())) {
      if (d.getOrgId().equals(org) && d.getOutcome() == Outcome.REVOKED) {
        byReason.merge(d.getReason(), 1L, Long::sum);
      }
    }
    return byReason;
  }

  /**
   * Whether the org has REVOKED decisions after {@code from} and everything committed has been
   * read: the revocations of one settings record commit in one transaction, so then all are seen.
   */
  private static boolean revokedAndAllRead(String org, int from) {
    out.poll();
    return !revoked(org, from).isEmpty() && out.caughtUp();
  }

  /**
   * Runs the dry run and then the real command; returns the dry run's output after checking that
   * the real one made the gatekeeper revoke exactly what it predicted.
   */
  private Cli.Result dryRunThenApply(String org, String... command) {
    long published = settingsRecords();
    String[] dry = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--dry-run"))
        .toArray(String[]::new);
    Cli.Result dryRun = Cli.run(cli(dry));
    assertThat(dryRun.exit()).as("dry run: %s%n%s", dryRun.err(), dryRun.out()).isZero();
    assertThat(dryRun.err()).contains("dry run: nothing was published");
    Map<String, Long> predicted = predicted(dryRun);
    long total = predicted.values().stream().mapToLong(Long::longValue).sum();
    assertThat(total).as("each case revokes something").isPositive();
    assertThat(settingsRecords()).as("a dry run publishes nothing").isEqualTo(published);

    int decisionsBefore = out.poll().decisions.size();
    int receiptsBefore = out.receipts.size();
    String[] real = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--yes"))
        .toArray(String[]::new);
    Cli.Result applied = Cli.run(cli(real));
    assertThat(applied.exit()).as("apply: %s", applied.err()).isZero();
    assertThat(settingsRecords()).isEqualTo(published + 1);
    await("the revocations of " + org + " committed and read").atMost(WAIT)
        .until(() -> revokedAndAllRead(org, decisionsBefore));

    assertThat(revoked(org, decisionsBefore)).as("REVOKED decisions by reason = the dry run's prediction").isEqualTo(predicted);
    List<String> revokedIds = out.decisions.subList(decisionsBefore, out.decisions.size()).stream()
        .filter(d -> d.getOrgId().equals(org) && d.getOutcome() == Outcome.REVOKED)
        .map(ContributionDecision::getContributionId).toList();
    assertThat(revokedIds).hasSize((int) total).allSatisfy(id -> assertThat(out.contributionLive.get(id)).as("tombstoned").isFalse());
    List<RevocationReceipt> receipts = out.receipts.subList(receiptsBefore, out.receipts.size()).stream()
        .filter(r -> r.getOrgId().equals(org)).toList();
    assertThat(receipts).singleElement().satisfies(r -> assertThat(r.getContributionsRevoked()).isEqualTo(total));
    return dryRun;
  }

  @Test
  void aDryRunPredictsExactlyWhatApplyRevokes() throws Exception {
    // An in-app opt-out: Standard contributes in-app by default.
    seed(Fixtures.settings("optout", at(NOW - 600_000)).product("s1", "jira", STANDARD).product("s1", "confluence", STANDARD).build(),
        Map.of("jira", 3, "confluence", 2), Map.of("jira", 2));
    Cli.Result optOut = dryRunThenApply("optout", "settings", "apply", file(Fixtures.settings("optout", at(NOW - 300_000))
        .product("s1", "jira", STANDARD).product("s1", "confluence", STANDARD).inApp(ContributionSetting.OFF).build()).toString());
    assertThat(predicted(optOut)).containsExactly(Map.entry("IN_APP_OFF", 5L));
    assertThat(optOut.out()).contains("  inAppContribution: null -> OFF", "stops contributing: confluence IN_APP, jira IN_APP");

    // An app deletion: confluence leaves the site.
    seed(Fixtures.settings("appdel", at(NOW - 600_000)).product("s1", "jira", STANDARD).product("s1", "confluence", STANDARD).build(),
        Map.of("jira", 2, "confluence", 2), Map.of("confluence", 1));
    Cli.Result appDeletion = dryRunThenApply("appdel", "settings", "apply", file(Fixtures.settings("appdel", at(NOW - 300_000))
        .product("s1", "jira", STANDARD).build()).toString());
    assertThat(predicted(appDeletion)).containsExactly(Map.entry("PRODUCT_NOT_ACTIVE", 3L));
    assertThat(appDeletion.out()).contains("- products[s1/confluence]", "review window: none opened");

    // A plan downgrade: the Enterprise trial of confluence ends without conversion. What leaves with
    // the product is revoked at once; what Standard newly allows (in-app by default) waits 30 days.
    seed(Fixtures.settings("trial", at(NOW - 600_000)).product("s1", "jira", STANDARD).trial("s1", "confluence", ENTERPRISE).build(),
        Map.of("jira", 2, "confluence", 2), Map.of("jira", 1, "confluence", 3));
    Cli.Result downgrade = dryRunThenApply("trial", "settings", "apply", file(Fixtures.settings("trial", at(NOW - 300_000))
        .product("s1", "jira", STANDARD).build()).toString(), "--reason", "trial ended");
    assertThat(predicted(downgrade)).containsExactly(Map.entry("PRODUCT_NOT_ACTIVE", 3L));
    assertThat(downgrade.out()).contains("review window: opens until", "(highest plan ENTERPRISE -> STANDARD)",
        "starts when the review window ends: jira IN_APP", "changeReason: null -> trial ended");

    // A plan change that revokes at once: Premium turns in-app off by default.
    seed(Fixtures.settings("upgrade", at(NOW - 600_000)).product("s1", "jira", STANDARD).build(),
        Map.of("jira", 4), Map.of("jira", 1));
    Cli.Result upgrade = dryRunThenApply("upgrade", "settings", "apply", file(Fixtures.settings("upgrade", at(NOW - 300_000))
        .product("s1", "jira", PREMIUM).build()).toString());
    assertThat(predicted(upgrade)).containsExactly(Map.entry("IN_APP_OFF", 4L));
    assertThat(upgrade.out()).contains("(highest plan STANDARD -> PREMIUM)");

    // The org's deletion.
    seed(Fixtures.settings("gone", at(NOW - 600_000)).product("s1", "jira", STANDARD).build(), Map.of("jira", 2), Map.of("jira", 2));
    Cli.Result deletion = dryRunThenApply("gone", "settings", "delete", "gone");
    assertThat(predicted(deletion)).containsExactly(Map.entry("ORG_DELETED", 4L));
  }

  @Test
  void anInvalidFileIsRefusedWithEveryProblemAndNothingIsPublished() throws Exception {
    Path invalid = dir.resolve("invalid.json");
    Files.writeString(invalid, """
        {"orgId": "broken", "cloudEnvironment": "COMMERCIAL",
         "products": [{"siteId": "", "app": "jira", "plan": "STANDARD", "trial": false},
                      {"siteId": "s1", "app": "", "plan": "STANDARD", "trial": false}],
         "compliance": {}, "updatedAt": "2026-09-01T00:00:00Z"}
        """);
    Path unshaped = dir.resolve("unshaped.json");
    Files.writeString(unshaped, "{\"orgId\": \"broken\", \"products\": [{\"siteId\": \"s1\", \"plan\": \"GOLD\"}], \"updatedAt\": \"yesterday\"}");
    long published = settingsRecords();
    for (Path f : List.of(invalid, unshaped)) {
      Cli.Result validate = Cli.run("settings", "validate", f.toString());
      Cli.Result apply = Cli.run(cli("settings", "apply", f.toString(), "--yes"));
      assertThat(validate.exit()).isEqualTo(2);
      assertThat(apply.exit()).isEqualTo(2);
      assertThat(apply.err()).contains("nothing was published");
      List<String> fields = f == invalid
          ? List.of("products[0].siteId:", "products[1].app:")
          : List.of("cloudEnvironment:", "products[0].app:", "products[0].plan:", "compliance:", "updatedAt:");
      assertThat(validate.err()).contains(fields);
      assertThat(apply.err()).contains(fields).contains("has " + fields.size() + " problems");
    }
    assertThat(settingsRecords()).as("nothing reached the settings topic").isEqualTo(published);
  }

  @Test
  void nothingIsPublishedWithoutAConfirmationOrWithoutThePreview() throws Exception {
    seed(Fixtures.settings("careful", at(NOW - 600_000)).product("s1", "jira", STANDARD).build(), Map.of("jira", 1), Map.of());
    Path f = file(Fixtures.settings("careful", at(NOW - 300_000)).product("s1", "jira", STANDARD).inApp(ContributionSetting.OFF).build());
    long published = settingsRecords();

    Cli.Result unconfirmed = Cli.run(cli("settings", "apply", f.toString()));
    assertThat(unconfirmed.exit()).isEqualTo(2);
    assertThat(unconfirmed.err()).contains("not published: no console to confirm on; pass --yes");
    assertThat(unconfirmed.out()).contains("revokes 1 live contribution: IN_APP_OFF 1");

    List<String> noApi = new ArrayList<>(List.of(cli("settings", "apply", f.toString(), "--yes")));
    noApi.set(noApi.indexOf("--api") + 1, "http://127.0.0.1:1");
    Cli.Result unreachable = Cli.run(noApi.toArray(String[]::new));
    assertThat(unreachable.exit()).isEqualTo(3);
    assertThat(unreachable.err()).contains("cannot reach the gatekeeper's admin API at http://127.0.0.1:1", "nothing was published",
        "--no-preview --yes");

    List<String> noToken = new ArrayList<>(List.of(cli("settings", "apply", f.toString(), "--yes")));
    int tokenAt = noToken.indexOf("--api-token-file");
    noToken.remove(tokenAt + 1);
    noToken.remove(tokenAt);
    Cli.Result refused = Cli.run(noToken.toArray(String[]::new));
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("answered 401", "--api-token-file");

    Path stale = file(Fixtures.settings("careful", at(NOW - 900_000)).product("s1", "jira", STANDARD).build());
    Cli.Result ignored = Cli.run(cli("settings", "apply", stale.toString(), "--yes"));
    assertThat(ignored.exit()).isEqualTo(2);
    assertThat(ignored.err()).contains("would ignore this record as stale");
    assertThat(settingsRecords()).as("nothing reached the settings topic").isEqualTo(published);
  }
}
