package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.RevocationReceipt;

/**
 * What the gate writes: a contribution or its tombstone, an audit decision, a revocation receipt,
 * or a change to an aggregate bucket.
 */
sealed interface Outbound
    permits Outbound.ContributionOut, Outbound.DecisionOut, Outbound.ReceiptOut, Outbound.BucketChangeOut {

  /** Key contributionId; {@code contribution} null is a tombstone; {@code topic} is where it goes (residency). */
  record ContributionOut(Contribution contribution, Topic<String, Contribution> topic) implements Outbound, Routed<Contribution> {
    @Override
    public Contribution payload() {
      return contribution;
    }
  }

  /** Key orgId. */
  record DecisionOut(ContributionDecision decision) implements Outbound {}

  /** Key orgId: the revocations one settings record caused. */
  record ReceiptOut(RevocationReceipt receipt) implements Outbound {}

  /** Key the bucket's encoded {@link dev.gatekeeper.aggregate.BucketKey}; no org identity. */
  record BucketChangeOut(BucketCounts change) implements Outbound {}
}
