package dev.gatekeeper.topology;

import dev.gatekeeper.policy.Decision;
import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.policy.Placement;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.state.IndexEntry;
import java.util.Optional;

/**
 * What one settings record does to an org (POLICY.md "Revocation", "Bad or stale settings"): the
 * history it leaves, and which live contributions that history revokes and why. The gate applies
 * these rules to every settings record it reads; the admin API's preview applies them to a
 * candidate record against the same stores, so a preview and the revocation it predicts cannot
 * differ. Pure and thread-safe.
 */
public final class RevocationRules {
  private final Policy policy;
  private final Placement placement;

  public RevocationRules(Policy policy, Placement placement) {
    this.policy = policy;
    this.placement = placement;
  }

  public Policy policy() {
    return policy;
  }

  /**
   * The org's history after a valid settings record; empty when the record is stale (older than
   * the current version, or than the deletion that cleared the history) and is ignored.
   *
   * @param streamTime the newest record time seen: versions no event after the retention needs
   *     are pruned behind it (never the latest, so revocations do not depend on it)
   */
  public Optional<OrgHistory> afterSettings(OrgHistory before, OrgSettings settings, long streamTime) {
    if (before.isStale(settings.getUpdatedAt().toEpochMilli())) {
      return Optional.empty();
    }
    long cutoff = streamTime - policy.config().historyRetention().toMillis();
    return Optional.of(before.append(settings).prunedBefore(cutoff, policy.config().reviewWindow().toMillis()));
  }

  /** The org's history after its tombstone, written at {@code timestamp}. */
  public OrgHistory afterTombstone(OrgHistory before, long timestamp) {
    return before.cleared(OrgHistory.State.DELETED, timestamp);
  }

  /** The org's history after a record that cannot be used (undecodable or incomplete). */
  public OrgHistory afterInvalid(OrgHistory before, long timestamp) {
    return before.cleared(OrgHistory.State.INVALID, timestamp);
  }

  /**
   * What the gate decides for an event under {@code history}: the policy's reason, and for an
   * event the policy allows, {@link Reason#REGION_NOT_ROUTED} when the org's region has no place.
   */
  public Reason eventReason(OrgHistory history, EventFacts event) {
    Decision d = policy.decide(history, event);
    if (!d.contributed()) {
      return d.reason();
    }
    Reason unplaced = placement.contributionReason(history.latest().residencyRegion());
    return unplaced == null ? Reason.CONTRIBUTED : unplaced;
  }

  /**
   * Why the org's state {@code after} revokes a live contribution, or null when it stays: first
   * the policy (rules 1–7 of the latest version, or the reason there is none), then its place
   * (residency: the org's region moved, or has no topic any more).
   */
  public Reason revocationReason(OrgHistory after, IndexEntry entry) {
    Reason reason = policy.revocationReason(after, entry.facts());
    if (reason != null) {
      return reason;
    }
    OrgVersion latest = after.latest();
    // A contribution with no settings has no place: the policy revokes it first (rule 1).
    return latest == null ? Reason.REGION_CHANGED : placement.revocationReason(entry.place(), latest.residencyRegion());
  }
}
