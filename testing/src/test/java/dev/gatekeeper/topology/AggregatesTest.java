package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.aggregate.AggregateConfig;
import dev.gatekeeper.aggregate.BucketKey;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.RevocationReceipt;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.TestConfigs;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregates with a k-threshold (POLICY.md "Aggregates"): a bucket is visible only while at
 * least k distinct orgs count toward it, never below k (not even for one record), and a
 * revocation withdraws the org's share.
 */
class AggregatesTest {
  private static final String AGGREGATES = "contribution-aggregates";
  private static final String T0 = "2026-09-01T00:00:00Z";
  private static final String DAY = "2026-09-02T";
  private static final int K = 10;
  private final GateHarness gate = new GateHarness(TestConfigs.gatekeeper());

  @AfterEach
  void close() {
    gate.close();
  }

  private static void enterpriseOrg(GateHarness g, String orgId, ContributionSetting metadata, String at) {
    g.settings(settings(orgId, at).product("s1", "jira", ENTERPRISE).metadata(metadata).build());
  }

  private static void bug(GateHarness g, String orgId, String eventId) {
    g.event(event(eventId, orgId, DAY + "10:15:00Z").metadata().attribute("issueType", "Bug").build());
  }

  private static String bugBucket() {
    return new BucketKey("jira", "issueType", "Bug", Instant.parse(DAY + "00:00:00Z").toEpochMilli(), null).encode();
  }

  private void orgsContributeABug(int from, int to) {
    for (int i = from; i < to; i++) {
      enterpriseOrg(gate, "o" + i, ContributionSetting.ON, T0);
      bug(gate, "o" + i, "e" + i);
    }
  }

  @Test
  void publishesNothingWhileFewerThanKOrgsContributed() {
    orgsContributeABug(0, K - 1);

    assertThat(gate.live()).hasSize(K - 1);
    assertThat(gate.aggregateRecords()).isEmpty();
  }

  @Test
  void publishesTheBucketWhenExactlyKOrgsContributed() {
    orgsContributeABug(0, K);

    assertThat(gate.aggregateRecords()).hasSize(1);
    ContributionAggregate a = gate.published(AGGREGATES).get(bugBucket());
    assertThat(a).isNotNull();
    assertThat(a.getDistinctOrgs()).isEqualTo(K);
    assertThat(a.getRecords()).isEqualTo(K);
    assertThat(a.getApp()).isEqualTo("jira");
    assertThat(a.getAttribute()).isEqualTo("issueType");
    assertThat(a.getValue()).isEqualTo("Bug");
    assertThat(a.getWindowStart()).isEqualTo(Instant.parse(DAY + "00:00:00Z"));
    assertThat(a.getWindowEnd()).isEqualTo(Instant.parse("2026-09-03T00:00:00Z"));
  }

  @Test
  void countsAnOrgOnceHoweverManyRecordsItContributes() {
    orgsContributeABug(0, K - 1);
    enterpriseOrg(gate, "busy", ContributionSetting.ON, T0);
    for (int i = 0; i < 5; i++) {
      bug(gate, "busy", "busy-" + i);
    }
    ContributionAggregate a = gate.published(AGGREGATES).get(bugBucket());
    assertThat(a.getDistinctOrgs()).isEqualTo(K);
    assertThat(a.getRecords()).isEqualTo(K - 1 + 5);
  }

  @Test
  void countsARedeliveredEventOnce() {
    orgsContributeABug(0, K);
    bug(gate, "o0", "e0");
    bug(gate, "o0", "e0");

    ContributionAggregate a = gate.published(AGGREGATES).get(bugBucket());
    assertThat(a.getDistinctOrgs()).isEqualTo(K);
    assertThat(a.getRecords()).isEqualTo(K);
  }

  @Test
  void tombstonesABucketWhenARevocationDropsItBelowK() {
    orgsContributeABug(0, K);
    enterpriseOrg(gate, "o3", ContributionSetting.OFF, "2026-09-02T12:00:00Z");

    assertThat(gate.published(AGGREGATES)).doesNotContainKey(bugBucket());
    GateHarness.Written<ContributionAggregate> last = gate.aggregateRecords().get(gate.aggregateRecords().size() - 1);
    assertThat(last.key()).isEqualTo(bugBucket());
    assertThat(last.value()).isNull();
    RevocationReceipt receipt = gate.receipts().get(0);
    assertThat(receipt.getOrgId()).isEqualTo("o3");
    assertThat(receipt.getContributionsRevoked()).isEqualTo(1);
    assertThat(receipt.getBucketsRevoked()).isEqualTo(1);
  }

  @Test
  void keepsABucketPublishedWithTheOrgsShareWithdrawnWhileKRemain() {
    orgsContributeABug(0, K + 1);
    enterpriseOrg(gate, "o3", ContributionSetting.OFF, "2026-09-02T12:00:00Z");

    ContributionAggregate a = gate.published(AGGREGATES).get(bugBucket());
    assertThat(a.getDistinctOrgs()).isEqualTo(K);
    assertThat(a.getRecords()).isEqualTo(K);
  }

  @Test
  void anOrgTombstoneWithdrawsItsShareFromEveryBucketItReached() {
    for (int i = 0; i < K; i++) {
      enterpriseOrg(gate, "o" + i, ContributionSetting.ON, T0);
      gate.event(event("e" + i, "o" + i, DAY + "10:00:00Z").metadata()
          .attribute("issueType", "Bug").attribute("priority", "High").attribute("commentCount", "7").build());
    }
    assertThat(gate.published(AGGREGATES)).hasSize(3);

    gate.tombstone("o0", "2026-09-02T12:00:00Z");

    assertThat(gate.published(AGGREGATES)).isEmpty();
    assertThat(gate.receipts()).singleElement().satisfies(r -> assertThat(r.getBucketsRevoked()).isEqualTo(3));
  }

  @Test
  void neverWritesABucketBelowKNotEvenTransiently() {
    orgsContributeABug(0, K + 2);
    for (int i = 0; i < 4; i++) {
      enterpriseOrg(gate, "o" + i, ContributionSetting.OFF, "2026-09-02T12:0" + i + ":00Z");
    }
    enterpriseOrg(gate, "o0", ContributionSetting.ON, "2026-09-02T13:00:00Z");
    bug(gate, "o0", "again-0");
    bug(gate, "o0", "again-1");

    assertThat(gate.aggregateRecords())
        .allSatisfy(w -> assertThat(w.value() == null || w.value().getDistinctOrgs() >= K).isTrue());
    assertThat(gate.aggregateRecords()).extracting(w -> w.value() == null).contains(true);
    assertThat(gate.published(AGGREGATES)).doesNotContainKey(bugBucket());
  }

  @Test
  void bucketsNumericValuesByTheConfiguredEdges() {
    for (int i = 0; i < K; i++) {
      enterpriseOrg(gate, "o" + i, ContributionSetting.ON, T0);
      gate.event(event("e" + i, "o" + i, DAY + "10:00:00Z").metadata().attribute("wordCount", Integer.toString(100 + 10 * i)).build());
    }
    assertThat(gate.published(AGGREGATES).values())
        .singleElement()
        .satisfies(a -> {
          assertThat(a.getValue()).isEqualTo("[100,200)");
          assertThat(a.getDistinctOrgs()).isEqualTo(K);
        });
  }

  @Test
  void countsNeitherInAppDataNorEventsPastTheGracePeriod() {
    for (int i = 0; i < K; i++) {
      gate.settings(settings("o" + i, T0).product("s1", "jira", dev.gatekeeper.schema.Plan.FREE).build());
      gate.event(event("in-app-" + i, "o" + i, DAY + "10:00:00Z").attribute("issueType", "Bug").build());
    }
    assertThat(gate.live()).hasSize(K);
    assertThat(gate.aggregateRecords()).isEmpty();

    // Stream time moves past the window's end plus grace; a late event no longer counts.
    gate.event(event("later", "o0", "2026-09-05T00:00:00Z").metadata().attribute("status", "Done").build());
    for (int i = 0; i < K; i++) {
      gate.event(event("late-" + i, "o" + i, DAY + "11:00:00Z").metadata().attribute("issueType", "Bug").build());
    }
    assertThat(gate.liveEventIds()).contains("late-0", "late-9");
    assertThat(gate.aggregateRecords()).isEmpty();
  }

  @Test
  void coalescesNewContributionsUntilTheFlushIntervalPasses() {
    gate.holdAggregates();
    orgsContributeABug(0, K + 2);
    assertThat(gate.aggregateRecords()).as("nothing before the flush").isEmpty();

    gate.advance(AggregateConfig.DEFAULT_FLUSH);

    assertThat(gate.aggregateRecords()).singleElement().satisfies(w -> {
      assertThat(w.value().getDistinctOrgs()).isEqualTo(K + 2);
      assertThat(w.value().getRecords()).isEqualTo(K + 2);
    });
  }

  @Test
  void withdrawsARevokedShareAtOnceWithoutWaitingForTheFlush() {
    orgsContributeABug(0, K);
    gate.holdAggregates();

    enterpriseOrg(gate, "o3", ContributionSetting.OFF, "2026-09-02T12:00:00Z");

    assertThat(gate.published(AGGREGATES)).as("tombstoned with the revocation").doesNotContainKey(bugBucket());
  }

  @Test
  void disabledAggregatesPublishNothing() {
    try (GateHarness off = new GateHarness(TestConfigs.gatekeeper().withAggregates(AggregateConfig.disabled()))) {
      orgsContributeABugIn(off, K + 1);
      assertThat(off.live()).hasSize(K + 1);
      assertThat(off.aggregateRecords()).isEmpty();
    }
  }

  @Test
  void forgetsTheCountsAndMembershipsOfAWindowOnceItIsFinalButLeavesItPublished() {
    try (GateHarness g = new GateHarness(TestConfigs.gatekeeper().withAggregates(weekHorizon()))) {
      orgsContributeABugIn(g, K);
      assertThat(entries(g, StoreNames.ORG_SHARES)).isEqualTo(K);
      assertThat(entries(g, StoreNames.AGGREGATE_BUCKETS)).isEqualTo(1);

      // Stream time reaches the window's end (09-03) plus the 7-day retention.
      g.event(event("next-week", "o0", "2026-09-10T00:00:00Z").metadata().attribute("status", "Done").build());

      assertThat(entries(g, StoreNames.ORG_SHARES)).as("only o0's membership of 09-10 is left").isEqualTo(1);
      assertThat(entries(g, StoreNames.AGGREGATE_BUCKETS)).as("only the 09-10 bucket is left").isEqualTo(1);
      assertThat(g.published(AGGREGATES).get(bugBucket()).getDistinctOrgs()).as("the final value stays published").isEqualTo(K);
    }
  }

  @Test
  void keepsSubtractingExactlyUntilTheWindowIsFinal() {
    try (GateHarness g = new GateHarness(TestConfigs.gatekeeper().withAggregates(weekHorizon()))) {
      orgsContributeABugIn(g, K + 1);
      g.event(event("almost-final", "o0", "2026-09-09T23:59:59Z").metadata().attribute("status", "Done").build());

      enterpriseOrg(g, "o3", ContributionSetting.OFF, "2026-09-09T23:59:59Z");

      assertThat(g.published(AGGREGATES).get(bugBucket()).getDistinctOrgs()).isEqualTo(K);
    }
  }

  @Test
  void withdrawsAFinalBucketWhenARevocationReachesIt() {
    try (GateHarness g = new GateHarness(TestConfigs.gatekeeper().withAggregates(weekHorizon()))) {
      orgsContributeABugIn(g, K + 1);
      g.event(event("next-week", "o0", "2026-09-10T00:00:00Z").metadata().attribute("status", "Done").build());

      // K orgs would remain, but the final window's counts are gone: the bucket is withdrawn whole.
      enterpriseOrg(g, "o3", ContributionSetting.OFF, "2026-09-10T12:00:00Z");

      assertThat(g.published(AGGREGATES)).doesNotContainKey(bugBucket());
      assertThat(entries(g, StoreNames.AGGREGATE_BUCKETS)).as("nothing recreated for the final window").isEqualTo(1);
      assertThat(g.receipts()).singleElement().satisfies(r -> assertThat(r.getContributionsRevoked()).isEqualTo(1));
    }
  }

  private static AggregateConfig weekHorizon() {
    return AggregateConfig.defaults().withHorizon(java.time.Duration.ofDays(1), java.time.Duration.ofDays(7));
  }

  static long entries(GateHarness g, String store) {
    long n = 0;
    try (var it = g.store(store).all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  private static void orgsContributeABugIn(GateHarness g, int n) {
    for (int i = 0; i < n; i++) {
      enterpriseOrg(g, "o" + i, ContributionSetting.ON, T0);
      bug(g, "o" + i, "e" + i);
    }
  }

}
