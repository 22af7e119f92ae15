package dev.gatekeeper.settings;

import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.schema.Plan.STANDARD;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.OrgSettings;
import org.junit.jupiter.api.Test;

class SettingsDiffTest {
  private final OrgSettings before =
      settings("o1", "2026-09-01T00:00:00Z").product("s1", "jira", FREE).product("s2", "confluence", FREE).build();

  @Test
  void equalRecordsHaveNoDifference() {
    assertThat(SettingsDiff.lines(before, before)).isEmpty();
  }

  @Test
  void matchesProductsBySiteAndAppAndShowsChangedValues() {
    OrgSettings after = settings("o1", "2026-09-02T00:00:00Z")
        .product("s3", "rovo", FREE).product("s1", "jira", STANDARD).build();
    after.setInAppContribution(ContributionSetting.OFF);
    after.setInAppExcluded(java.util.List.of("app:jira"));

    assertThat(SettingsDiff.lines(before, after)).containsExactly(
        "- products[s2/confluence] (plan FREE)",
        "+ products[s3/rovo] (plan FREE)",
        "  products[s1/jira].plan: FREE -> STANDARD",
        "  inAppContribution: null -> OFF",
        "+ inAppExcluded: app:jira",
        "  updatedAt: 2026-09-01T00:00:00Z -> 2026-09-02T00:00:00Z");
  }

  @Test
  void aDeletionAndANewOrgSayWhatTheyAre() {
    assertThat(SettingsDiff.lines(before, null)).containsExactly("- the settings record: the org is deleted");
    assertThat(SettingsDiff.lines(null, before)).first().isEqualTo("+ a new settings record (the org has none)");
  }
}
