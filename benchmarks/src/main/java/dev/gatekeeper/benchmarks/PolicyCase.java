package dev.gatekeeper.benchmarks;

import static dev.gatekeeper.benchmarks.SettingsBuilder.settings;

import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A settings history of org o1 and the time at which the {@link EventMix} occurs, with the
 * reasons the policy must give for the eight events (checked before measuring, so a case cannot
 * silently stop exercising the path it is named after).
 */
enum PolicyCase {
  /**
   * One Standard version (Jira and Confluence on s1, container HR excluded); events two weeks
   * later. Decide checks rules 1–7 under the one version, which is both latest and in force.
   */
  ONE_VERSION(
      "2026-09-15T00:00:00Z",
      List.of(
          Reason.CONTRIBUTED, Reason.CONTRIBUTED, Reason.CONTRIBUTED, Reason.CONTRIBUTED,
          Reason.CONTRIBUTED, Reason.CONTRIBUTED, Reason.APP_NOT_IN_SCOPE, Reason.IN_APP_OFF)) {
    @Override
    OrgHistory history() {
      return OrgHistory.empty()
          .append(standard("2026-09-01T00:00:00Z").exclude("container:HR").build());
    }
  },

  /**
   * Premium (in-app off by default, container ENG included), then Standard on 09-10 (opens a
   * 30-day review window), then container HR excluded on 09-20; events on 09-25, inside the
   * window, so in-app events must also pass rule 7 under the Premium version (rule 8).
   */
  REVIEW_WINDOW(
      "2026-09-25T00:00:00Z",
      List.of(
          Reason.CONTRIBUTED, Reason.PLAN_CHANGE_GRACE, Reason.CONTRIBUTED, Reason.CONTRIBUTED,
          Reason.PLAN_CHANGE_GRACE, Reason.CONTRIBUTED, Reason.APP_NOT_IN_SCOPE,
          Reason.IN_APP_OFF)) {
    @Override
    OrgHistory history() {
      return OrgHistory.empty()
          .append(
              settings("o1", "2026-09-01T00:00:00Z")
                  .product("s1", "jira", Plan.PREMIUM)
                  .product("s1", "confluence", Plan.STANDARD)
                  .include("container:ENG")
                  .build())
          .append(standard("2026-09-10T00:00:00Z").build())
          .append(standard("2026-09-20T00:00:00Z").exclude("container:HR").build());
    }
  },

  /**
   * Three Standard versions without a plan change (09-01; 09-10 adds site s2, turns metadata on
   * explicitly and excludes Confluence; 09-20 lifts that and excludes container HR); events on
   * 09-05, arriving late: each is checked under the latest version, the one in force then and
   * the one in between, which drops the in-app Confluence event.
   */
  LATE_EVENT(
      "2026-09-05T00:00:00Z",
      List.of(
          Reason.CONTRIBUTED, Reason.IN_APP_OFF, Reason.CONTRIBUTED, Reason.CONTRIBUTED,
          Reason.CONTRIBUTED, Reason.CONTRIBUTED, Reason.APP_NOT_IN_SCOPE, Reason.IN_APP_OFF)) {
    @Override
    OrgHistory history() {
      return OrgHistory.empty()
          .append(standard("2026-09-01T00:00:00Z").build())
          .append(
              standard("2026-09-10T00:00:00Z")
                  .product("s2", "jira", Plan.STANDARD)
                  .metadata(ContributionSetting.ON)
                  .exclude("app:confluence")
                  .build())
          .append(
              standard("2026-09-20T00:00:00Z")
                  .product("s2", "jira", Plan.STANDARD)
                  .metadata(ContributionSetting.ON)
                  .exclude("container:HR")
                  .build());
    }
  };

  private final Instant occurredAt;
  private final List<Reason> expected;

  PolicyCase(String occurredAt, List<Reason> expected) {
    this.occurredAt = Instant.parse(occurredAt);
    this.expected = expected;
  }

  /** The org's settings history, built with {@link OrgHistory#append}. */
  abstract OrgHistory history();

  /** The {@link EventMix} at this case's event time. */
  EventFacts[] events() {
    return EventMix.at(occurredAt);
  }

  /**
   * Throws when the policy does not give the expected reasons, e.g. because POLICY.md or its
   * implementation changed and this case no longer measures what its name says.
   */
  void check(Policy policy, OrgHistory history, EventFacts[] events) {
    List<Reason> actual = new ArrayList<>();
    for (EventFacts e : events) {
      actual.add(policy.decide(history, e).reason());
    }
    if (!actual.equals(expected)) {
      throw new IllegalStateException(name() + " expected " + expected + " but decided " + actual);
    }
  }

  private static SettingsBuilder standard(String updatedAt) {
    return settings("o1", updatedAt)
        .product("s1", "jira", Plan.STANDARD)
        .product("s1", "confluence", Plan.STANDARD);
  }
}
