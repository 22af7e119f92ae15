package dev.gatekeeper.api;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.topology.RevocationRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * An org's effective policy now ({@code GET /orgs/{id}/policy}): its settings version, highest
 * plan, whether it is excluded and why, what it contributes per app and data type, and the review
 * window open now. Nothing in it is a payload value: scope lists are counted, not listed.
 *
 * @param state {@code ACTIVE}, {@code UNKNOWN} (never seen), {@code DELETED} or {@code INVALID}
 * @param settingsVersion the current version's {@code updatedAt}; null without one
 * @param exclusions why nothing is contributed whatever the settings: {@code CLOUD_ENVIRONMENT}
 *     (rule 2) and the compliance facts of rule 3
 */
record PolicyView(
    String orgId,
    String state,
    Long settingsVersion,
    Plan highestPlan,
    String cloudEnvironment,
    String residencyRegion,
    List<String> exclusions,
    ContributionSetting metadataContribution,
    ContributionSetting inAppContribution,
    int inAppIncluded,
    int inAppExcluded,
    SortedMap<AppDataType, Reason> contributes,
    Optional<ReviewWindow> reviewWindow) {

  static PolicyView of(RevocationRules rules, String orgId, OrgHistory history, long now) {
    OrgVersion latest = history.latest();
    SortedMap<AppDataType, Reason> contributes =
        Probes.decide(rules, history, Probes.sitesByApp(Probes.latestSettings(history)), now);
    Optional<ReviewWindow> window =
        ReviewWindow.openAt(history, rules.policy().config().reviewWindow().toMillis(), now);
    if (latest == null) {
      return new PolicyView(orgId, state(history), null, null, null, null, List.of(), null, null, 0, 0, contributes, window);
    }
    OrgSettings s = latest.settings();
    List<String> exclusions = new ArrayList<>();
    if (!latest.commercialCloud()) {
      exclusions.add("CLOUD_ENVIRONMENT");
    }
    latest.exclusions().forEach(e -> exclusions.add(e.name()));
    return new PolicyView(
        orgId, state(history), latest.time(), latest.highestPlan(), s.getCloudEnvironment().name(), s.getResidencyRegion(),
        List.copyOf(exclusions), s.getMetadataContribution(), s.getInAppContribution(),
        s.getInAppIncluded().size(), s.getInAppExcluded().size(), contributes, window);
  }

  static String state(OrgHistory history) {
    if (history.latest() != null) {
      return "ACTIVE";
    }
    return history.state() == OrgHistory.State.ACTIVE ? "UNKNOWN" : history.state().name();
  }
}
