package dev.gatekeeper.api;

import static dev.gatekeeper.schema.DataType.IN_APP;
import static dev.gatekeeper.schema.DataType.METADATA;
import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.schema.Plan.PREMIUM;
import static dev.gatekeeper.schema.Plan.STANDARD;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.TestConfigs;
import dev.gatekeeper.topology.GatekeeperConfig;
import dev.gatekeeper.topology.RevocationRules;
import dev.gatekeeper.topology.Routing;
import dev.gatekeeper.topology.StoreNames;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The preview against the production topology's own stores ({@link GateHarness}): for each kind
 * of settings change, what the preview predicts is exactly what the topology then revokes, by
 * reason, when the same record is read.
 */
class PreviewTest {
  private static final String T0 = "2026-09-01T00:00:00Z";
  private static final long NOW = Instant.parse("2026-09-03T12:00:00Z").toEpochMilli();

  private GateHarness gate;
  private RevocationRules rules;

  private void start(GatekeeperConfig config) {
    gate = new GateHarness(config);
    rules = new RevocationRules(new Policy(config.policy()), config.routing().placement());
  }

  @AfterEach
  void close() {
    if (gate != null) {
      gate.close();
    }
  }

  private OrgSnapshot org(String orgId) {
    return new StoreSnapshot(gate.<OrgHistory>store(StoreNames.SETTINGS_HISTORY), gate.<IndexEntry>store(StoreNames.CONTRIBUTION_INDEX), orgId);
  }

  /** Standard jira and confluence on s1, and an Enterprise trial of jira-service-management on s2. */
  private static Fixtures.SettingsBuilder acme(String at) {
    return settings("acme", at).product("s1", "jira", STANDARD).product("s1", "confluence", STANDARD);
  }

  /** In-app and metadata events of jira and confluence on s1 (all contributed on Standard). */
  private void contributeEvents() {
    int i = 0;
    for (String app : List.of("jira", "confluence")) {
      for (int n = 0; n < 3; n++) {
        gate.event(event("in-" + app + "-" + n, "acme", "2026-09-02T10:0" + i + ":00Z").app(app).build());
        gate.event(event("md-" + app + "-" + n, "acme", "2026-09-02T10:0" + i + ":30Z").app(app).metadata().build());
        i++;
      }
    }
  }

  /** Previews the candidate (null: the org's tombstone), then reads it, and returns both results by reason. */
  private Preview previewThenApply(OrgSettings candidate) {
    Preview preview = Preview.of(rules, "acme", org("acme"), candidate, NOW);
    int before = gate.decisions().size();
    if (candidate == null) {
      gate.tombstone("acme", Instant.ofEpochMilli(NOW).toString());
    } else {
      gate.settings(candidate);
    }
    SortedMap<Reason, Long> revoked = new TreeMap<>();
    for (ContributionDecision d : gate.decisions().subList(before, gate.decisions().size())) {
      if (d.getOutcome() == Outcome.REVOKED) {
        revoked.merge(Reason.valueOf(d.getReason()), 1L, Long::sum);
      }
    }
    assertThat(preview.revocations()).as("predicted revocations = the topology's REVOKED decisions").isEqualTo(revoked);
    return preview;
  }

  @Test
  void predictsTheRevocationsOfAnInAppOptOut() {
    start(TestConfigs.gatekeeper());
    gate.settings(acme(T0).build());
    contributeEvents();
    Preview p = previewThenApply(acme("2026-09-03T00:00:00Z").inApp(ContributionSetting.OFF).build());
    assertThat(p.revocations()).containsExactly(Map.entry(Reason.IN_APP_OFF, 6L));
    assertThat(p.liveContributions()).isEqualTo(12);
    assertThat(p.stops()).containsExactly(new AppDataType("confluence", IN_APP), new AppDataType("jira", IN_APP));
    assertThat(p.starts()).isEmpty();
    assertThat(p.reviewWindow()).isEmpty();
    assertThat(gate.live()).hasSize(6);
  }

  @Test
  void predictsTheRevocationsOfAnAppDeletion() {
    start(TestConfigs.gatekeeper());
    gate.settings(acme(T0).build());
    contributeEvents();
    Preview p = previewThenApply(settings("acme", "2026-09-03T00:00:00Z").product("s1", "jira", STANDARD).build());
    assertThat(p.revocations()).containsExactly(Map.entry(Reason.PRODUCT_NOT_ACTIVE, 6L));
    assertThat(p.stops()).containsExactly(new AppDataType("confluence", METADATA), new AppDataType("confluence", IN_APP));
    assertThat(p.reviewWindow()).isEmpty();
  }

  @Test
  void predictsWhatLeavesWithAnEnterpriseTrialAndTheWindowItsEndOpens() {
    start(TestConfigs.gatekeeper());
    // Enterprise (trial) on confluence: in-app off by default, metadata on.
    gate.settings(settings("acme", T0).product("s1", "jira", STANDARD).trial("s1", "confluence", ENTERPRISE).build());
    contributeEvents();
    assertThat(gate.live()).hasSize(6);
    Preview p = previewThenApply(settings("acme", "2026-09-03T00:00:00Z").product("s1", "jira", STANDARD).build());
    assertThat(p.revocations()).containsExactly(Map.entry(Reason.PRODUCT_NOT_ACTIVE, 3L));
    assertThat(p.opensReviewWindow()).isTrue();
    assertThat(p.reviewWindow()).hasValueSatisfying(w -> {
      assertThat(w.fromPlan()).isEqualTo(ENTERPRISE);
      assertThat(w.toPlan()).isEqualTo(STANDARD);
      assertThat(Instant.ofEpochMilli(w.until())).isEqualTo(Instant.parse("2026-10-03T00:00:00Z"));
    });
    assertThat(p.stops()).containsExactly(new AppDataType("confluence", METADATA));
    assertThat(p.starts()).as("Standard's in-app default waits for the window").isEmpty();
    assertThat(p.startsAfterReviewWindow()).containsExactly(new AppDataType("jira", IN_APP));
  }

  @Test
  void predictsAnUpgradeThatTurnsInAppOffAtOnce() {
    start(TestConfigs.gatekeeper());
    gate.settings(acme(T0).build());
    contributeEvents();
    Preview p = previewThenApply(acme("2026-09-03T00:00:00Z").product("s2", "jira", PREMIUM).build());
    assertThat(p.revocations()).containsExactly(Map.entry(Reason.IN_APP_OFF, 6L));
    assertThat(p.opensReviewWindow()).isTrue();
    assertThat(p.startsAfterReviewWindow()).isEmpty();
  }

  @Test
  void predictsTheDeletionOfTheOrg() {
    start(TestConfigs.gatekeeper());
    gate.settings(acme(T0).build());
    contributeEvents();
    Preview p = previewThenApply(null);
    assertThat(p.deletion()).isTrue();
    assertThat(p.revocations()).containsExactly(Map.entry(Reason.ORG_DELETED, 12L));
    assertThat(p.stops()).hasSize(4);
    assertThat(gate.live()).isEmpty();
  }

  @Test
  void predictsAnExclusion() {
    start(TestConfigs.gatekeeper());
    gate.settings(acme(T0).build());
    contributeEvents();
    Preview p = previewThenApply(acme("2026-09-03T00:00:00Z").hipaa().build());
    assertThat(p.revocations()).containsExactly(Map.entry(Reason.ORG_EXCLUDED, 12L));
  }

  @Test
  void predictsNothingForAStaleRecordTheTopologyIgnores() {
    start(TestConfigs.gatekeeper());
    gate.settings(acme("2026-09-02T00:00:00Z").build());
    contributeEvents();
    Preview p = previewThenApply(acme(T0).inApp(ContributionSetting.OFF).build());
    assertThat(p.ignoredBecause()).contains("older than the current version (2026-09-02T00:00:00Z)");
    assertThat(p.revocations()).isEmpty();
    assertThat(p.stops()).isEmpty();
    assertThat(gate.live()).hasSize(12);
  }

  @Test
  void appliesARecordWithTheCurrentVersionsTimeAsTheTopologyDoes() {
    start(TestConfigs.gatekeeper());
    gate.settings(acme(T0).build());
    contributeEvents();
    Preview p = previewThenApply(acme(T0).inApp(ContributionSetting.OFF).build());
    assertThat(p.ignoredBecause()).isNull();
    assertThat(p.revocations()).containsExactly(Map.entry(Reason.IN_APP_OFF, 6L));
  }

  @Test
  void predictsResidencyRevocationsWithRegionalRouting() {
    start(TestConfigs.gatekeeper().withRouting(new Routing(true, Set.of("eu", "us"), false)));
    gate.settings(acme(T0).region("eu").build());
    contributeEvents();
    Preview p = previewThenApply(acme("2026-09-03T00:00:00Z").region("us").build());
    assertThat(p.revocations()).containsExactly(Map.entry(Reason.REGION_CHANGED, 12L));
    assertThat(p.stops()).as("the org still contributes, in its new region").isEmpty();
    Preview nowhere = Preview.of(rules, "acme", org("acme"), acme("2026-09-04T00:00:00Z").region("apac").build(), NOW);
    assertThat(nowhere.stops()).hasSize(4);
  }

  @Test
  void predictsForAnOrgNeverSeen() {
    start(TestConfigs.gatekeeper());
    Preview p = Preview.of(rules, "new-org", org("new-org"), settings("new-org", T0).product("s1", "jira", STANDARD).build(), NOW);
    assertThat(p.currentState()).isEqualTo("UNKNOWN");
    assertThat(p.currentVersion()).isNull();
    assertThat(p.liveContributions()).isZero();
    assertThat(p.revocations()).isEmpty();
    assertThat(p.opensReviewWindow()).isFalse();
    assertThat(p.starts()).containsExactly(new AppDataType("jira", METADATA), new AppDataType("jira", IN_APP));
  }
}
