package dev.gatekeeper.it;

import static dev.gatekeeper.schema.Plan.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.api.AdminApi;
import dev.gatekeeper.broker.FreePorts;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API of two {@code gatekeeper run} processes sharing the work of 4 partitions: each
 * answers for every org — those it owns from its own stores, the others' by forwarding to their
 * owner — with the same answer from either, and both own some of the orgs.
 */
class AdminApiIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ORGS = 12;
  @TempDir Path dir;

  private static String at(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  @Test
  void eitherInstanceAnswersForTheOrgsOfBoth() throws Exception {
    Path log = Files.createTempFile("admin-api-it-", ".log");
    Path tokenFile = ApiProcesses.tokenFile(dir);
    long now = System.currentTimeMillis();
    try (TestKafka broker = TestKafka.start()) {
      RealGatekeeper gk = new RealGatekeeper(broker, 4);
      List<Integer> ports = FreePorts.pick(2);
      Process a = null;
      Process b = null;
      try (Inputs in = new Inputs(gk.config.clientProperties(), gk.config.topics());
          CommittedOutputs out = new CommittedOutputs(gk.config.clientProperties(), gk.config.topics())) {
        for (int o = 0; o < ORGS; o++) {
          in.settings(Fixtures.settings("org-" + o, at(now - 60_000)).product("s1", "jira", STANDARD)
              .product("s1", "confluence", STANDARD).build());
        }
        in.flush();
        int sent = 0;
        for (int o = 0; o < ORGS; o++) {
          for (int i = 0; i <= o % 3; i++) {
            in.event(Fixtures.event("in-" + o + "-" + i, "org-" + o, at(now)).build());
            sent++;
          }
          in.event(Fixtures.event("md-" + o, "org-" + o, at(now)).app("confluence").metadata().build());
          sent++;
        }
        in.flush();
        a = ApiProcesses.start(gk, log, ports.get(0), tokenFile);
        b = ApiProcesses.start(gk, log, ports.get(1), tokenFile);
        int total = sent;
        await("every event decided").atMost(WAIT).until(() -> out.poll().eventDecisions() == total);
        Map<String, Long> contributed = new HashMap<>();
        for (ContributionDecision d : out.decisions) {
          if (d.getOutcome() == Outcome.CONTRIBUTED) {
            contributed.merge(d.getOrgId(), 1L, Long::sum);
          }
        }

        Map<String, String> owners = new HashMap<>();
        await("both instances answer for every org, with its live contributions").atMost(WAIT).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> {
              for (int o = 0; o < ORGS; o++) {
                String org = "org-" + o;
                HttpResponse<String> fromA = ApiProcesses.get(ports.get(0), "/orgs/" + org + "/contributions", ApiProcesses.TOKEN);
                HttpResponse<String> fromB = ApiProcesses.get(ports.get(1), "/orgs/" + org + "/contributions", ApiProcesses.TOKEN);
                assertThat(fromA.statusCode()).as("instance a on %s", org).isEqualTo(200);
                assertThat(fromB.statusCode()).as("instance b on %s", org).isEqualTo(200);
                assertThat(fromA.body()).isEqualTo(fromB.body());
                assertThat(JSON.readTree(fromA.body()).get("total").asLong()).isEqualTo(contributed.get(org));
                String owner = fromA.headers().firstValue(AdminApi.OWNER_HEADER).orElseThrow();
                assertThat(fromB.headers().firstValue(AdminApi.OWNER_HEADER)).hasValue(owner);
                owners.put(org, owner);
              }
            });
        assertThat(new HashSet<>(owners.values())).as("each instance owns some orgs")
            .containsExactlyInAnyOrder("127.0.0.1:" + ports.get(0), "127.0.0.1:" + ports.get(1));

        // The policy and a preview, asked of the instance that does not own the org.
        for (String owner : Set.copyOf(owners.values())) {
          String org = owners.entrySet().stream().filter(e -> e.getValue().equals(owner)).findFirst().orElseThrow().getKey();
          int other = owner.endsWith(":" + ports.get(0)) ? ports.get(1) : ports.get(0);
          HttpResponse<String> policy = ApiProcesses.get(other, "/orgs/" + org + "/policy", ApiProcesses.TOKEN);
          assertThat(policy.statusCode()).isEqualTo(200);
          assertThat(policy.headers().firstValue(AdminApi.OWNER_HEADER)).hasValue(owner);
          JsonNode p = JSON.readTree(policy.body());
          assertThat(p.get("state").asText()).isEqualTo("ACTIVE");
          assertThat(p.get("highestPlan").asText()).isEqualTo("STANDARD");
          assertThat(policy.body()).doesNotContain("\"s1\"").doesNotContain("in-").doesNotContain("md-");

          String candidate = "{\"settings\": " + PlainJson.toJson(Fixtures.settings(org, at(now - 30_000))
              .product("s1", "jira", STANDARD).product("s1", "confluence", STANDARD).inApp(ContributionSetting.OFF).build()) + "}";
          HttpResponse<String> preview = ApiProcesses.post(other, "/orgs/" + org + "/preview", candidate, ApiProcesses.TOKEN);
          assertThat(preview.statusCode()).isEqualTo(200);
          assertThat(preview.headers().firstValue(AdminApi.OWNER_HEADER)).hasValue(owner);
          long inApp = out.decisions.stream()
              .filter(d -> d.getOrgId().equals(org) && d.getOutcome() == Outcome.CONTRIBUTED && d.getEventId().startsWith("in-"))
              .count();
          assertThat(JSON.readTree(preview.body()).get("revocations").get("byReason").get("IN_APP_OFF").asLong()).isEqualTo(inApp);
        }
        assertThat(ApiProcesses.get(ports.get(0), "/orgs/org-0/policy", null).statusCode()).as("no token").isEqualTo(401);
      } finally {
        ApiProcesses.stop(a);
        ApiProcesses.stop(b);
      }
    }
  }
}
