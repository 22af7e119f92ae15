package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.aggregate.AggregateConfig;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.testing.GateHarness;
import dev.gatekeeper.testing.TestConfigs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The aggregates' state over 90 days of input, time compressed (record times, not the wall clock,
 * move): with a horizon ({@code aggregates.retention}) the buckets and the orgs' memberships stay
 * at the size of the retained windows; without one (a retention past the whole input, as before
 * the horizon existed) they grow by a window's worth every day.
 */
class AggregateHorizonTest {
  private static final int ORGS = 20;
  private static final int DAYS = 90;
  private static final Instant FIRST_DAY = Instant.parse("2026-09-02T00:00:00Z");

  /** Store sizes at the end of one simulated day. */
  record Day(int day, long memberships, long buckets) {}

  @Test
  void stateStaysFlatOverNinetyDaysWithASevenDayHorizon() {
    List<Day> days = simulate(Duration.ofDays(7));
    print("retention 7d", days);

    Day warm = days.get(9);
    // Windows kept at a day's end: the day under way and the 7 that ended less than the retention
    // ago; each org is in 3 buckets a day (its issueType, status Open, status Done), 4 buckets a day.
    assertThat(warm.memberships()).isEqualTo(ORGS * 3L * 8);
    assertThat(warm.buckets()).isEqualTo(4L * 8);
    for (Day d : days.subList(9, DAYS)) {
      assertThat(d.memberships()).as("memberships on day %d", d.day()).isEqualTo(warm.memberships());
      assertThat(d.buckets()).as("buckets on day %d", d.day()).isEqualTo(warm.buckets());
    }
  }

  @Test
  void withoutAHorizonTheSameInputGrowsTheStateEveryDay() {
    List<Day> days = simulate(Duration.ofDays(3650));
    print("retention 3650d (no horizon)", days);

    assertThat(days.get(DAYS - 1).memberships()).isEqualTo(days.get(9).memberships() * DAYS / 10);
    assertThat(days.get(DAYS - 1).buckets()).isEqualTo(days.get(9).buckets() * DAYS / 10);
  }

  /** Each day every org contributes two metadata records, each counting toward two buckets. */
  private static List<Day> simulate(Duration retention) {
    AggregateConfig aggregates = AggregateConfig.defaults().withHorizon(Duration.ofDays(1), retention);
    List<Day> days = new ArrayList<>();
    try (GateHarness g = new GateHarness(TestConfigs.gatekeeper().withAggregates(aggregates))) {
      for (int o = 0; o < ORGS; o++) {
        g.settings(settings("o" + o, "2026-09-01T00:00:00Z").product("s1", "jira", ENTERPRISE).metadata(ContributionSetting.ON).build());
      }
      for (int d = 0; d < DAYS; d++) {
        Instant day = FIRST_DAY.plus(Duration.ofDays(d));
        for (int o = 0; o < ORGS; o++) {
          String issueType = (o + d) % 2 == 0 ? "Bug" : "Task";
          g.event(event("e" + d + "-" + o + "-a", "o" + o, day.plusSeconds(36_000).toString()).metadata()
              .attribute("issueType", issueType).attribute("status", "Open").build());
          g.event(event("e" + d + "-" + o + "-b", "o" + o, day.plusSeconds(54_000).toString()).metadata()
              .attribute("issueType", issueType).attribute("status", "Done").build());
        }
        days.add(new Day(d + 1, AggregatesTest.entries(g, StoreNames.ORG_SHARES), AggregatesTest.entries(g, StoreNames.AGGREGATE_BUCKETS)));
      }
    }
    return days;
  }

  private static void print(String label, List<Day> days) {
    StringBuilder b = new StringBuilder("aggregate state, " + label + ", " + ORGS + " orgs: day memberships buckets");
    for (Day d : days) {
      if (d.day() == 1 || d.day() % 10 == 0) {
        b.append("\n  ").append(d.day()).append(' ').append(d.memberships()).append(' ').append(d.buckets());
      }
    }
    System.out.println(b);
  }
}
