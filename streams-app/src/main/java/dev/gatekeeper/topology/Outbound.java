package dev.gatekeeper.topology;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;

/** What the gate writes: a contribution or its tombstone, or an audit decision. */
sealed interface Outbound permits Outbound.ContributionOut, Outbound.DecisionOut {

  /** Key contributionId; {@code contribution} null is a tombstone. */
  record ContributionOut(Contribution contribution) implements Outbound {}

  /** Key orgId. */
  record DecisionOut(ContributionDecision decision) implements Outbound {}
}
