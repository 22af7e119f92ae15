package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.aggregate.AggregateConfig;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures.SettingsBuilder;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.TestConfigs;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Data residency: with regional routing on, an org's contributions (and their tombstones) are
 * written only to its region's topic, and a region change revokes what sits in the old one.
 */
class RegionalRoutingTest {
  private static final String T0 = "2026-09-01T00:00:00Z";
  private static final String T1 = "2026-09-02T00:00:00Z";
  private static final String T2 = "2026-09-03T00:00:00Z";
  private static final Routing EU_US = new Routing(true, Set.of("eu", "us"), false);
  private final GateHarness gate = new GateHarness(TestConfigs.gatekeeper().withRouting(EU_US));

  @AfterEach
  void close() {
    gate.close();
  }

  private static SettingsBuilder org(String orgId, String at) {
    return settings(orgId, at).product("s1", "jira", FREE);
  }

  @Test
  void writesAnOrgsContributionsOnlyToItsRegionsTopic() {
    gate.settings(org("o1", T0).region("eu").build());
    gate.event(event("e1", "o1", T1).build());

    assertThat(gate.liveIn("contributions.eu")).hasSize(1);
    assertThat(gate.liveIn("contributions.eu").values()).allSatisfy(c -> assertThat(c.getRegion()).isEqualTo("eu"));
    assertThat(gate.liveIn("contributions")).isEmpty();
    assertThat(gate.liveIn("contributions.us")).isEmpty();
  }

  @Test
  void writesAnOrgWithoutARegionToTheDefaultTopic() {
    gate.settings(org("o1", T0).build());
    gate.event(event("e1", "o1", T1).build());

    assertThat(gate.liveIn("contributions")).hasSize(1);
  }

  @Test
  void dropsEverythingOfAnOrgWhoseRegionHasNoTopic() {
    gate.settings(org("o1", T0).region("apac").build());
    gate.event(event("e1", "o1", T1).build());

    assertThat(gate.lastDecision("e1").getOutcome()).isEqualTo(Outcome.DROPPED);
    assertThat(gate.lastDecision("e1").getReason()).isEqualTo("REGION_NOT_ROUTED");
    assertThat(gate.lastDecision("e1").getContributionId()).isNull();
    assertThat(gate.liveIn("contributions")).isEmpty();
  }

  @Test
  void revokesTheOldRegionsContributionsWhenTheOrgsRegionChanges() {
    gate.settings(org("o1", T0).region("eu").build());
    gate.event(event("e1", "o1", T1).build());
    gate.event(event("e2", "o1", T1).build());

    gate.settings(org("o1", T1).region("us").build());
    gate.event(event("e3", "o1", T2).build());

    assertThat(gate.liveIn("contributions.eu")).isEmpty();
    assertThat(gate.decisions())
        .filteredOn(d -> d.getOutcome() == Outcome.REVOKED)
        .extracting(ContributionDecision::getEventId, ContributionDecision::getReason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("e1", "REGION_CHANGED"), org.assertj.core.groups.Tuple.tuple("e2", "REGION_CHANGED"));
    assertThat(gate.liveIn("contributions.us")).hasSize(1);
    assertThat(gate.receipts()).singleElement().satisfies(r -> {
      assertThat(r.getReasons()).containsExactly("REGION_CHANGED");
      assertThat(r.getContributionsRevoked()).isEqualTo(2);
    });
  }

  @Test
  void revokesAnOrgsContributionsWhenItMovesToARegionWithoutATopic() {
    gate.settings(org("o1", T0).build());
    gate.event(event("e1", "o1", T1).build());
    gate.settings(org("o1", T1).region("apac").build());

    assertThat(gate.liveIn("contributions")).isEmpty();
    assertThat(gate.lastDecision("e1").getReason()).isEqualTo("REGION_CHANGED");
  }

  @Test
  void leavesContributionsInPlaceWhenOtherSettingsChange() {
    gate.settings(org("o1", T0).region("eu").build());
    gate.event(event("e1", "o1", T1).build());
    gate.settings(org("o1", T1).region("eu").product("s2", "jira", FREE).build());

    assertThat(gate.liveIn("contributions.eu")).hasSize(1);
    assertThat(gate.receipts()).isEmpty();
  }

  @Test
  void countsAggregatesPerRegionUnlessTheyAreConfiguredGlobal() {
    var config = TestConfigs.gatekeeper().withAggregates(AggregateConfig.defaults().withK(2));
    try (GateHarness regional = new GateHarness(config.withRouting(EU_US));
        GateHarness global = new GateHarness(config.withRouting(new Routing(true, Set.of("eu", "us"), true)))) {
      for (GateHarness g : new GateHarness[] {regional, global}) {
        g.settings(org("o1", T0).region("eu").build());
        g.settings(org("o2", T0).region("us").build());
        g.event(event("e1", "o1", T1).metadata().attribute("status", "Done").build());
        g.event(event("e2", "o2", T1).metadata().attribute("status", "Done").build());
      }
      // One org per region: below k=2 in each region, but two orgs globally.
      assertThat(regional.aggregateRecords()).isEmpty();
      assertThat(global.published("contribution-aggregates")).hasSize(1);

      regional.settings(org("o3", T0).region("eu").build());
      regional.event(event("e3", "o3", T1).metadata().attribute("status", "Done").build());
      assertThat(regional.published("contribution-aggregates.eu")).hasSize(1);
      assertThat(regional.published("contribution-aggregates.eu").keySet()).allSatisfy(k -> assertThat(k).endsWith("|eu"));
      assertThat(regional.published("contribution-aggregates")).isEmpty();
    }
  }

  @Test
  void aRegionChangeRevokesNothingWithRoutingOff() {
    try (GateHarness off = new GateHarness(TestConfigs.gatekeeper())) {
      off.settings(org("o1", T0).region("eu").build());
      off.event(event("e1", "o1", T1).build());
      off.settings(org("o1", T1).region("us").build());

      assertThat(off.live()).hasSize(1);
      assertThat(off.live().values()).allSatisfy(c -> assertThat(c.getRegion()).isEqualTo("eu"));
    }
  }
}
