package dev.gatekeeper.api;

import static dev.gatekeeper.schema.DataType.IN_APP;
import static dev.gatekeeper.schema.DataType.METADATA;
import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.schema.Plan.STANDARD;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.Placement;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.PolicyConfig;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.topology.RevocationRules;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /orgs/{id}/policy}'s view of an org's history, decided by the policy itself. */
class PolicyViewTest {
  private final RevocationRules rules = new RevocationRules(new Policy(PolicyConfig.defaults()), Placement.off());

  private static long at(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void showsTheReviewWindowAfterATrialEndsAndWhatItHoldsBack() {
    OrgHistory h = OrgHistory.empty()
        .append(settings("acme", "2026-09-01T00:00:00Z").product("s1", "jira", STANDARD).trial("s1", "confluence", ENTERPRISE)
            .metadata(ContributionSetting.OFF).build())
        .append(settings("acme", "2026-09-10T00:00:00Z").product("s1", "jira", STANDARD).metadata(ContributionSetting.OFF).build());
    PolicyView v = PolicyView.of(rules, "acme", h, at("2026-09-11T00:00:00Z"));
    assertThat(v.state()).isEqualTo("ACTIVE");
    assertThat(v.settingsVersion()).isEqualTo(at("2026-09-10T00:00:00Z"));
    assertThat(v.highestPlan()).isEqualTo(STANDARD);
    assertThat(v.exclusions()).isEmpty();
    assertThat(v.metadataContribution()).isEqualTo(ContributionSetting.OFF);
    assertThat(v.contributes()).containsExactly(
        Map.entry(new AppDataType("jira", METADATA), Reason.PLAN_CHANGE_GRACE),
        Map.entry(new AppDataType("jira", IN_APP), Reason.PLAN_CHANGE_GRACE));
    assertThat(v.reviewWindow()).hasValue(
        new ReviewWindow(at("2026-09-10T00:00:00Z"), at("2026-10-10T00:00:00Z"), ENTERPRISE, STANDARD));

    PolicyView later = PolicyView.of(rules, "acme", h, at("2026-10-10T00:00:00Z"));
    assertThat(later.reviewWindow()).isEmpty();
    assertThat(later.contributes()).containsValues(Reason.CONTRIBUTED, Reason.CONTRIBUTED);
  }

  @Test
  void saysWhyAnOrgIsExcluded() {
    OrgHistory h = OrgHistory.empty().append(settings("gov", "2026-09-01T00:00:00Z").product("s1", "jira", STANDARD)
        .cloud(CloudEnvironment.GOVERNMENT).hipaa().government(false).excludedOffering("offering-x").build());
    PolicyView v = PolicyView.of(rules, "gov", h, at("2026-09-02T00:00:00Z"));
    assertThat(v.exclusions()).containsExactly("CLOUD_ENVIRONMENT", "HIPAA", "EXCLUDED_OFFERINGS", "GOVERNMENT_ENTITY");
    assertThat(v.contributes()).allSatisfy((pair, reason) -> assertThat(reason).isEqualTo(Reason.HOSTING_EXCLUDED));
  }

  @Test
  void anOrgNeverSeenOrDeletedHasNoVersion() {
    assertThat(PolicyView.of(rules, "x", OrgHistory.empty(), 0L).state()).isEqualTo("UNKNOWN");
    OrgHistory deleted = OrgHistory.empty()
        .append(settings("x", "2026-09-01T00:00:00Z").product("s1", "jira", STANDARD).build())
        .cleared(OrgHistory.State.DELETED, at("2026-09-02T00:00:00Z"));
    PolicyView v = PolicyView.of(rules, "x", deleted, at("2026-09-03T00:00:00Z"));
    assertThat(v.state()).isEqualTo("DELETED");
    assertThat(v.settingsVersion()).isNull();
    assertThat(v.contributes()).isEmpty();
  }
}
