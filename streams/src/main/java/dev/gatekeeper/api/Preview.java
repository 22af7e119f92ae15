package dev.gatekeeper.api;

import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.topology.RevocationRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * What publishing a candidate settings record (or the org's tombstone) would do now
 * ({@code POST /orgs/{id}/preview}), computed as the gate would compute it: the history after the
 * record by {@link RevocationRules#afterSettings} (or {@link RevocationRules#afterTombstone}), then
 * each live contribution re-decided by {@link RevocationRules#revocationReason}, the same calls
 * {@code Revocation} makes. A record the gate would ignore as stale predicts nothing.
 *
 * @param currentVersion the current version's {@code updatedAt}; null without one
 * @param candidateVersion the candidate's {@code updatedAt}; null for a deletion
 * @param ignoredBecause why the gate would ignore the candidate; null when it would apply it
 * @param revocations how many live contributions would be revoked, by reason
 * @param reviewWindow the review window in force right after the change, if any
 * @param opensReviewWindow whether the candidate itself opens that window
 * @param starts app and data type pairs not contributed now that would be right after the change
 * @param stops pairs contributed now that would not be
 * @param startsAfterReviewWindow pairs held back by the review window, contributed when it ends
 */
record Preview(
    String orgId,
    Long currentVersion,
    String currentState,
    Long candidateVersion,
    boolean deletion,
    String ignoredBecause,
    long liveContributions,
    SortedMap<Reason, Long> revocations,
    Optional<ReviewWindow> reviewWindow,
    boolean opensReviewWindow,
    List<AppDataType> starts,
    List<AppDataType> stops,
    List<AppDataType> startsAfterReviewWindow) {

  long revocationTotal() {
    return revocations.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * @param candidate the settings record to preview; null previews the org's tombstone
   * @param now the time the record would be read (and a tombstone written); probes are decided
   *     then, or at the candidate's {@code updatedAt} when that is later
   */
  static Preview of(RevocationRules rules, String orgId, OrgSnapshot org, OrgSettings candidate, long now) {
    OrgHistory before = org.history();
    OrgVersion current = before.latest();
    Long currentVersion = current == null ? null : current.time();
    String currentState = PolicyView.state(before);
    Long candidateVersion = candidate == null ? null : candidate.getUpdatedAt().toEpochMilli();
    long[] live = {0};
    SortedMap<Reason, Long> revocations = new TreeMap<>();
    Optional<OrgHistory> appended =
        candidate == null ? Optional.of(rules.afterTombstone(before, now)) : rules.afterSettings(before, candidate, now);
    if (appended.isEmpty()) {
      org.forEachLive(e -> live[0]++);
      String why = "its updatedAt (" + Instant.ofEpochMilli(candidateVersion) + ") is older than "
          + (current != null
              ? "the current version (" + Instant.ofEpochMilli(current.time()) + ")"
              : "the org's deletion (" + Instant.ofEpochMilli(before.clearedAt()) + ")")
          + ": the gatekeeper ignores a stale record";
      return new Preview(orgId, currentVersion, currentState, candidateVersion, false, why, live[0], revocations,
          Optional.empty(), false, List.of(), List.of(), List.of());
    }
    OrgHistory after = appended.get();
    org.forEachLive(e -> {
      live[0]++;
      Reason r = rules.revocationReason(after, e);
      if (r != null) {
        revocations.merge(r, 1L, Long::sum);
      }
    });
    long effectiveAt = candidate == null ? now : Math.max(now, candidateVersion);
    long windowMillis = rules.policy().config().reviewWindow().toMillis();
    Optional<ReviewWindow> window = ReviewWindow.openAt(after, windowMillis, effectiveAt);
    boolean opens = after.latest() != null && after.latest().opensWindow() && window.isPresent();
    Map<String, SortedSet<String>> sites = Probes.sitesByApp(Probes.latestSettings(before), candidate);
    SortedMap<AppDataType, Reason> nowDecided = Probes.decide(rules, before, sites, now);
    SortedMap<AppDataType, Reason> afterDecided = Probes.decide(rules, after, sites, effectiveAt);
    SortedMap<AppDataType, Reason> whenWindowEnds =
        window.isPresent() ? Probes.decide(rules, after, sites, window.get().until()) : afterDecided;
    List<AppDataType> starts = new ArrayList<>();
    List<AppDataType> stops = new ArrayList<>();
    List<AppDataType> later = new ArrayList<>();
    afterDecided.forEach((pair, reason) -> {
      boolean before1 = nowDecided.get(pair) == Reason.CONTRIBUTED;
      boolean after1 = reason == Reason.CONTRIBUTED;
      if (!before1 && after1) {
        starts.add(pair);
      } else if (before1 && !after1) {
        stops.add(pair);
      }
      if (!after1 && whenWindowEnds.get(pair) == Reason.CONTRIBUTED) {
        later.add(pair);
      }
    });
    return new Preview(orgId, currentVersion, currentState, candidateVersion, candidate == null, null, live[0], revocations,
        window, opens, List.copyOf(starts), List.copyOf(stops), List.copyOf(later));
  }
}
