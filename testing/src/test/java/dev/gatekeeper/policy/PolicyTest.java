package dev.gatekeeper.policy;

import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Plan;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pure policy, without Kafka: decisions from (history, event, time). */
class PolicyTest {
  private final Policy policy = new Policy(PolicyConfig.defaults());

  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static EventFacts jiraInApp(String at) {
    return EventFacts.of(event("e", "o1", at).build());
  }

  @Test
  void isTotalOverAnEmptyHistory() {
    Decision d = policy.decide(OrgHistory.empty(), jiraInApp("2026-09-02T00:00:00Z"));
    assertThat(d).isEqualTo(new Decision(Reason.NO_SETTINGS, null));
    assertThat(policy.revocationReason(OrgHistory.empty(), jiraInApp("2026-09-02T00:00:00Z"))).isEqualTo(Reason.NO_SETTINGS);
  }

  @Test
  void namesTheVersionThatDecided() {
    OrgHistory h = OrgHistory.empty()
        .append(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.FREE).inApp(ContributionSetting.OFF).build())
        .append(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", Plan.FREE).build());
    Decision d = policy.decide(h, jiraInApp("2026-09-02T00:00:00Z"));
    assertThat(d).isEqualTo(new Decision(Reason.IN_APP_OFF, t("2026-09-01T00:00:00Z")));
    Decision ok = policy.decide(h, jiraInApp("2026-09-04T00:00:00Z"));
    assertThat(ok).isEqualTo(new Decision(Reason.CONTRIBUTED, t("2026-09-03T00:00:00Z")));
  }

  @Test
  void dropsAsTooLateOnlyWhatThePrunedHistoryCannotAnswer() {
    OrgHistory h = OrgHistory.empty()
        .append(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.FREE).build())
        .append(settings("o1", "2026-09-10T00:00:00Z").product("s1", "jira", Plan.FREE).build())
        .prunedBefore(t("2026-09-27T00:00:00Z"), java.time.Duration.ofDays(30).toMillis());
    assertThat(h.size()).isEqualTo(1);
    assertThat(policy.decide(h, jiraInApp("2026-09-05T00:00:00Z")).reason()).isEqualTo(Reason.TOO_LATE);
    assertThat(policy.decide(h, jiraInApp("2026-09-20T00:00:00Z")).reason()).isEqualTo(Reason.CONTRIBUTED);
  }

  @Test
  void dropsAsTooLateAnEventInsideAWindowWhoseBeforeVersionWasPruned() {
    OrgHistory h = OrgHistory.empty()
        .append(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.PREMIUM).build())
        .append(settings("o1", "2026-09-02T00:00:00Z").product("s1", "jira", Plan.FREE).build())
        .append(settings("o1", "2026-09-03T00:00:00Z").product("s1", "jira", Plan.FREE).build());
    // Pruned as if the window had closed: keeps only the version in force at the cutoff.
    OrgHistory pruned = new OrgHistory(OrgHistory.State.ACTIVE, Long.MIN_VALUE, true, h.versions().subList(2, 3));
    assertThat(policy.decide(pruned, jiraInApp("2026-09-04T00:00:00Z")).reason()).isEqualTo(Reason.TOO_LATE);
    assertThat(policy.decide(h, jiraInApp("2026-09-04T00:00:00Z")).reason()).isEqualTo(Reason.PLAN_CHANGE_GRACE);
    assertThat(policy.decide(pruned, jiraInApp("2026-10-02T00:00:00Z")).reason()).isEqualTo(Reason.CONTRIBUTED);
  }

  @Test
  void revocationAfterDeletionOrInvalidSettingsNamesWhy() {
    OrgHistory h = OrgHistory.empty().append(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.FREE).build());
    assertThat(policy.revocationReason(h, jiraInApp("2026-09-02T00:00:00Z"))).isNull();
    assertThat(policy.revocationReason(h.cleared(OrgHistory.State.DELETED, 1), jiraInApp("2026-09-02T00:00:00Z")))
        .isEqualTo(Reason.ORG_DELETED);
    assertThat(policy.revocationReason(h.cleared(OrgHistory.State.INVALID, 1), jiraInApp("2026-09-02T00:00:00Z")))
        .isEqualTo(Reason.SETTINGS_INVALID);
  }

  @Test
  void appliesAConfiguredEffectiveDateAndReviewWindow() {
    Policy custom = new Policy(new PolicyConfig(
        Instant.parse("2026-10-01T00:00:00Z"), java.time.Duration.ofDays(7), java.time.Duration.ofDays(35), "p"));
    OrgHistory h = OrgHistory.empty()
        .append(settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", Plan.PREMIUM).build())
        .append(settings("o1", "2026-10-02T00:00:00Z").product("s1", "jira", Plan.FREE).build());
    assertThat(custom.decide(h, jiraInApp("2026-09-30T00:00:00Z")).reason())
        .isEqualTo(Reason.BEFORE_EFFECTIVE_DATE);
    assertThat(custom.decide(h, jiraInApp("2026-10-08T00:00:00Z")).reason())
        .isEqualTo(Reason.PLAN_CHANGE_GRACE);
    assertThat(custom.decide(h, jiraInApp("2026-10-09T00:00:00Z")).reason())
        .isEqualTo(Reason.CONTRIBUTED);
  }
}
