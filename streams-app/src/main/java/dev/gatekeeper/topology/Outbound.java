package dev.gatekeeper.topology;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.RevocationReceipt;

/** What the gate writes: a contribution or its tombstone, an audit decision, or a revocation receipt. */
sealed interface Outbound permits Outbound.ContributionOut, Outbound.DecisionOut, Outbound.ReceiptOut {

  /** Key contributionId; {@code contribution} null is a tombstone. */
  record ContributionOut(Contribution contribution) implements Outbound {}

  /** Key orgId. */
  record DecisionOut(ContributionDecision decision) implements Outbound {}

  /** Key orgId: the revocations one settings record caused. */
  record ReceiptOut(RevocationReceipt receipt) implements Outbound {}
}
