package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gatekeeper.broker.FreePorts;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.testing.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code gatekeeper run} in a child JVM with its health port on, fed events whose actors, text
 * and attributes are canaries, events of an org it has never seen, garbage events and settings,
 * and an opt-out: a scrape of {@code /metrics} counts exactly the decisions (by outcome and
 * reason) and dead letters (by input and cause) a {@code read_committed} consumer reads, carries
 * Kafka Streams' own metrics and the client's state, and names no org and no canary.
 */
class MetricsIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final List<String> ORGS = List.of("canary-org-alpha", "canary-org-bravo", "canary-org-charlie");
  private static final String STRANGER = "canary-org-stranger";
  private static final int EVENTS_PER_ORG = 20;
  private static final List<String> CANARIES = List.of(
      "Quentin Canarywood", "Canarywood", "quentin.canary@example.org", "canary-text-5d1e",
      "canary-account-73", "+44 20 7946 0111", "garbage-canary-payload", "canary-attribute-9c",
      "canary-event", "canary-org", new String(TestConfigs.TEST_SECRET, StandardCharsets.UTF_8));
  private static final Pattern SERIES = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void scrapedCountersEqualTheCommittedOutputsAndNameNoOrgOrPayload() throws Exception {
    Path log = Files.createTempFile("metrics-gatekeeper-", ".log");
    int port = FreePorts.pick(1).get(0);
    String scrape;
    Map<String, Long> decisionsRead = new TreeMap<>();
    Map<String, Long> deadLettersRead = new TreeMap<>();
    try (TestKafka broker = TestKafka.start()) {
      RealGatekeeper gk = new RealGatekeeper(broker, 2);
      long now = System.currentTimeMillis();
      Process child = GatekeeperProcess.start(gk.config, log, port);
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
        await("the gatekeeper's /health/ready answers 200").atMost(WAIT).ignoreExceptions()
            .until(() -> get(port, "/health/ready").statusCode() == 200);
        for (String org : ORGS) {
          in.settings(org(org, now - 60_000, ContributionSetting.ON));
        }
        in.flush();
        int events = 0;
        for (String org : ORGS) {
          for (int i = 0; i < EVENTS_PER_ORG; i++) {
            in.event(canaryEvent("canary-event-" + org + "-" + i, org, now, i % 4 == 0));
            events++;
          }
        }
        for (int i = 0; i < 5; i++) {
          in.event(canaryEvent("canary-event-stranger-" + i, STRANGER, now, false));
          events++;
        }
        in.rawEvent(ORGS.get(0), "garbage-canary-payload Quentin Canarywood".getBytes(StandardCharsets.UTF_8), now);
        in.event(Fixtures.event("", ORGS.get(0), Instant.ofEpochMilli(now).toString()).text("canary-text-5d1e").build());
        in.rawSettings("", "garbage-canary-payload".getBytes(StandardCharsets.UTF_8), now);
        in.flush();
        int expectedEvents = events;
        await("every event decided").atMost(WAIT).until(() -> out.poll().eventDecisions() == expectedEvents);

        // An opt-out and an undecodable settings record: each revokes its org's contributions.
        long contributedA = contributed(out.decisions, ORGS.get(0));
        long contributedB = contributed(out.decisions, ORGS.get(1));
        assertThat(contributedA).as("the workload contributes").isPositive();
        in.settings(org(ORGS.get(0), now - 30_000, ContributionSetting.OFF));
        in.rawSettings(ORGS.get(1), "garbage-canary-payload canary-org-bravo".getBytes(StandardCharsets.UTF_8), now);
        in.flush();
        await("both orgs' contributions revoked and four dead letters read").atMost(WAIT)
            .until(() -> out.poll().decisions.stream().filter(d -> d.getOutcome() == Outcome.REVOKED).count()
                    == contributedA + contributedB
                && out.deadLetters.size() == 4);

        out.decisions.forEach(d -> decisionsRead.merge(d.getOutcome() + "/" + d.getReason(), 1L, Long::sum));
        for (ConsumerRecord<byte[], byte[]> r : out.deadLetters) {
          deadLettersRead.merge(input(gk, r) + "/" + cause(r), 1L, Long::sum);
        }
        // Kafka adds per-partition and per-task metrics once partitions are assigned; the binder
        // picks them up on its next refresh.
        await("per-partition lag and per-task restore metrics bound to the registry").atMost(WAIT)
            .until(() -> {
              String body = get(port, "/metrics").body();
              return body.contains("kafka_consumer_fetch_manager_records_lag{")
                  && body.contains("kafka_stream_task_restore_remaining_records_total{");
            });
        // The decisions are committed: the counters, incremented before each commit, are final.
        scrape = get(port, "/metrics").body();
      } finally {
        child.destroy();
        child.waitFor();
      }
    }

    assertThat(sum(scrape, "gatekeeper_decisions_total", "outcome", "reason"))
        .as("decision counters by outcome/reason equal the decisions read")
        .isEqualTo(decisionsRead);
    assertThat(decisionsRead.keySet())
        .contains("CONTRIBUTED/CONTRIBUTED", "DROPPED/NO_SETTINGS", "REVOKED/METADATA_OFF", "REVOKED/SETTINGS_INVALID");
    assertThat(sum(scrape, "gatekeeper_dead_letters_total", "input", "cause"))
        .as("dead-letter counters by input/cause equal the dead letters read")
        .isEqualTo(deadLettersRead)
        .containsKeys("data-events/SerializationException", "data-events/InvalidDataEvent",
            "org-settings/InvalidOrgSettings", "org-settings/SerializationException");
    assertThat(scrape)
        .contains("gatekeeper_revocation_receipts_total 2.0")
        .containsPattern("gatekeeper_placeholders_total\\{type=\"NAME\"} [1-9]")
        .containsPattern("gatekeeper_placeholders_total\\{type=\"EMAIL\"} [1-9]")
        .contains("gatekeeper_streams_state{state=\"RUNNING\"} 1.0")
        .contains("kafka_stream_thread_process_rate{")
        .contains("kafka_stream_thread_commit_latency_avg{")
        .contains("kafka_consumer_fetch_manager_records_lag_max{")
        .contains("kafka_stream_state_updater_active_restoring_tasks{")
        .contains("kafka_stream_thread_thread_state{")
        .contains("kafka_stream_alive_stream_threads{");
    for (String canary : CANARIES) {
      assertThat(scrape).as("/metrics mentions %s", canary).doesNotContainIgnoringCase(canary);
    }
  }

  private static dev.gatekeeper.schema.OrgSettings org(String orgId, long updatedAt, ContributionSetting setting) {
    return Fixtures.settings(orgId, Instant.ofEpochMilli(updatedAt).toString())
        .product("s1", "jira", ENTERPRISE).metadata(setting).inApp(setting).build();
  }

  private static dev.gatekeeper.schema.DataEvent canaryEvent(String eventId, String orgId, long now, boolean metadata) {
    Fixtures.EventBuilder e = Fixtures.event(eventId, orgId, Instant.ofEpochMilli(now).toString())
        .actor("canary-account-73", "Quentin Canarywood", "quentin.canary@example.org")
        .text("canary-text-5d1e from Quentin Canarywood, quentin.canary@example.org, +44 20 7946 0111")
        .attribute("status", "canary-attribute-9c Quentin Canarywood");
    return metadata ? e.metadata().attribute("issueType", "Bug").build() : e.build();
  }

  private static long contributed(List<ContributionDecision> decisions, String orgId) {
    return decisions.stream().filter(d -> d.getOrgId().equals(orgId) && d.getOutcome() == Outcome.CONTRIBUTED).count();
  }

  private static String input(RealGatekeeper gk, ConsumerRecord<byte[], byte[]> deadLetter) {
    String source = header(deadLetter, "gatekeeper.source.topic");
    return source.equals(gk.config.topics().settings()) ? "org-settings" : "data-events";
  }

  private static String cause(ConsumerRecord<byte[], byte[]> deadLetter) {
    String errorClass = header(deadLetter, "gatekeeper.error.class");
    return errorClass.substring(errorClass.lastIndexOf('.') + 1);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String key) {
    return new String(r.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
  }

  /** The series of {@code name} summed by the values of two labels, as "a/b". */
  private static Map<String, Long> sum(String scrape, String name, String first, String second) {
    Map<String, Long> out = new TreeMap<>();
    Matcher m = SERIES.matcher(scrape);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        Map<String, String> labels = new TreeMap<>();
        Matcher l = LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
        out.merge(labels.get(first) + "/" + labels.get(second), (long) Double.parseDouble(m.group(3)), Long::sum);
      }
    }
    return out;
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
