package dev.gatekeeper.policy;

import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.Plan;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OrgHistoryTest {
  private static final long WINDOW = Duration.ofDays(30).toMillis();

  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  private static OrgHistory history(String... timesAndPlans) {
    OrgHistory h = OrgHistory.empty();
    for (int i = 0; i < timesAndPlans.length; i += 2) {
      h = h.append(settings("o1", timesAndPlans[i]).product("s1", "jira", Plan.valueOf(timesAndPlans[i + 1])).build());
    }
    return h;
  }

  @Test
  void findsTheNewestVersionAtOrBeforeATimeAndTheLastOfEqualTimes() {
    OrgHistory h = history("2026-09-01T00:00:00Z", "FREE", "2026-09-01T00:00:00Z", "STANDARD", "2026-09-03T00:00:00Z", "FREE");
    assertThat(h.indexAt(t("2026-08-31T00:00:00Z"))).isEqualTo(-1);
    assertThat(h.indexAt(t("2026-09-01T00:00:00Z"))).isEqualTo(1);
    assertThat(h.indexAt(t("2026-09-02T00:00:00Z"))).isEqualTo(1);
    assertThat(h.indexAt(t("2026-09-30T00:00:00Z"))).isEqualTo(2);
  }

  @Test
  void opensAWindowOnlyBetweenTwoVersionsWithProductsAndDifferentPlans() {
    OrgHistory h = history("2026-09-01T00:00:00Z", "FREE", "2026-09-02T00:00:00Z", "FREE", "2026-09-03T00:00:00Z", "PREMIUM");
    assertThat(h.get(0).opensWindow()).isFalse();
    assertThat(h.get(1).opensWindow()).isFalse();
    assertThat(h.get(2).opensWindow()).isTrue();
    OrgHistory afterEmpty = h.append(settings("o1", "2026-09-04T00:00:00Z").build())
        .append(settings("o1", "2026-09-05T00:00:00Z").product("s1", "jira", Plan.FREE).build());
    assertThat(afterEmpty.get(4).opensWindow()).as("no window after a product-less version").isFalse();
  }

  @Test
  void aClearedHistoryTreatsOlderRecordsAsStale() {
    OrgHistory h = history("2026-09-01T00:00:00Z", "FREE").cleared(OrgHistory.State.DELETED, t("2026-09-05T00:00:00Z"));
    assertThat(h.latest()).isNull();
    assertThat(h.isStale(t("2026-09-04T00:00:00Z"))).isTrue();
    assertThat(h.isStale(t("2026-09-05T00:00:00Z"))).isFalse();
    OrgHistory again = h.append(settings("o1", "2026-09-06T00:00:00Z").product("s1", "jira", Plan.PREMIUM).build());
    assertThat(again.state()).isEqualTo(OrgHistory.State.ACTIVE);
    assertThat(again.get(0).opensWindow()).as("the first version after a tombstone opens none").isFalse();
  }

  @Test
  void pruningKeepsTheVersionInForceAtTheCutoff() {
    OrgHistory h = history("2026-09-01T00:00:00Z", "FREE", "2026-09-02T00:00:00Z", "FREE", "2026-09-10T00:00:00Z", "FREE");
    OrgHistory pruned = h.prunedBefore(t("2026-09-05T00:00:00Z"), WINDOW);
    assertThat(pruned.size()).isEqualTo(2);
    assertThat(pruned.get(0).time()).isEqualTo(t("2026-09-02T00:00:00Z"));
  }

  @Test
  void pruningKeepsTheBeforeVersionOfAWindowStillOpen() {
    OrgHistory h = history("2026-09-01T00:00:00Z", "PREMIUM", "2026-09-02T00:00:00Z", "FREE", "2026-09-03T00:00:00Z", "FREE");
    OrgHistory pruned = h.prunedBefore(t("2026-09-20T00:00:00Z"), WINDOW);
    assertThat(pruned.size()).isEqualTo(3);
    OrgHistory later = h.prunedBefore(t("2026-10-05T00:00:00Z"), WINDOW);
    assertThat(later.size()).as("the window has closed").isEqualTo(1);
  }
}
