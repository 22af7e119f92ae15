package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.schema.Plan.STANDARD;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.GateHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Arrival order must not change the live set: late events end where on-time ones would, and the
 * review window after a plan change (a trial ending) holds back what the plan before forbade.
 */
class RacesTest {
  private final GateHarness gate = new GateHarness();

  @AfterEach
  void close() {
    gate.close();
  }

  @Test
  void dropsAnEventThatOccurredBeforeAnOptOutButArrivesAfterIt() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    gate.settings(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", FREE).inApp(ContributionSetting.OFF).build());
    gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build()); // allowed then, not now
    assertThat(gate.lastDecision("e1").getOutcome()).isEqualTo(Outcome.DROPPED);
    assertThat(gate.lastDecision("e1").getReason()).isEqualTo("IN_APP_OFF");
    assertThat(gate.live()).isEmpty();
  }

  @Test
  void dropsAnEventFromBeforeAnOptInThatArrivesAfterIt() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).inApp(ContributionSetting.OFF).build());
    gate.settings(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", FREE).inApp(ContributionSetting.ON).build());
    gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build()); // forbidden when it occurred
    assertThat(gate.lastDecision("e1").getReason()).isEqualTo("IN_APP_OFF");
    gate.event(event("e2", "o1", "2026-09-04T00:00:00Z").build());
    assertThat(gate.liveEventIds()).containsExactly("e2");
  }

  @Test
  void lateEventReportsWhatHoldsNowBeforeWhatHeldThen() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).inApp(ContributionSetting.OFF).build());
    gate.settings(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", FREE).hipaa().build());
    gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build());
    assertThat(gate.lastDecision("e1").getReason()).isEqualTo("ORG_EXCLUDED");
  }

  @Test
  void holdsBackANewPlansDefaultForThirtyDaysAfterATrialEnds() {
    // An Enterprise trial makes in-app data default OFF; when it ends the org falls to Standard,
    // whose default is ON — but only after the 30-day review window.
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", STANDARD).trial("s1", "confluence", ENTERPRISE).build());
    gate.event(event("during-trial", "o1", "2026-09-05T00:00:00Z").build());
    gate.settings(settings("o1", "2026-09-10T00:00:00Z").product("s1", "jira", STANDARD).build());
    gate.event(event("day-1", "o1", "2026-09-11T00:00:00Z").build());
    gate.event(event("day-29", "o1", "2026-10-09T00:00:00Z").build());
    gate.event(event("last-ms", "o1", "2026-10-09T23:59:59.999Z").build());
    gate.event(event("day-30", "o1", "2026-10-10T00:00:00Z").build());
    assertThat(gate.lastDecision("during-trial").getReason()).isEqualTo("IN_APP_OFF");
    assertThat(gate.lastDecision("day-1").getReason()).isEqualTo("PLAN_CHANGE_GRACE");
    assertThat(gate.lastDecision("day-29").getReason()).isEqualTo("PLAN_CHANGE_GRACE");
    assertThat(gate.lastDecision("last-ms").getReason()).isEqualTo("PLAN_CHANGE_GRACE");
    assertThat(gate.liveEventIds()).containsExactly("day-30");
  }

  @Test
  void restrictsAtOnceWhenAPlanChangeForbidsMore() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", STANDARD).build());
    gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build());
    gate.settings(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", ENTERPRISE).build());
    gate.event(event("e2", "o1", "2026-09-04T00:00:00Z").build());
    assertThat(gate.lastDecision("e1").getOutcome()).isEqualTo(Outcome.REVOKED);
    assertThat(gate.lastDecision("e2").getReason()).isEqualTo("IN_APP_OFF");
    assertThat(gate.live()).isEmpty();
  }

  @Test
  void aWindowOpenedAfterAnEventOccurredDoesNotHoldItBack() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    gate.settings(settings("o1", "2026-09-05T00:00:00Z").product("s1", "jira", STANDARD).build());
    gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build());
    assertThat(gate.liveEventIds()).containsExactly("e1");
  }

  @Test
  void reDeliveryUpsertsTheSameContributionNeverADuplicate() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build());
    gate.event(event("e1", "o1", "2026-09-02T00:00:00Z").build());
    assertThat(gate.decisions()).hasSize(2);
    assertThat(gate.decisions().get(0).getContributionId()).isEqualTo(gate.decisions().get(1).getContributionId());
    assertThat(gate.live()).hasSize(1);
  }

  @Test
  void eventsKeyedByAnythingButTheirOrgAreReKeyedAndDecided() {
    gate.settings(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).build());
    gate.eventKeyedBy("some-other-key", event("e1", "o1", "2026-09-02T00:00:00Z").build());
    gate.eventKeyedBy(null, event("e2", "o1", "2026-09-02T00:00:00Z").build());
    assertThat(gate.liveEventIds()).containsExactly("e1", "e2");
    gate.tombstone("o1", "2026-09-03T00:00:00Z");
    assertThat(gate.live()).isEmpty();
  }
}
