package dev.gatekeeper.topology;

import dev.gatekeeper.schema.ContributionAggregate;

/**
 * A bucket as published (key its encoded bucket key): {@code aggregate} null is a tombstone, for
 * a bucket that fell below k; {@code topic} is the global or regional aggregates topic.
 */
record AggregateOut(ContributionAggregate aggregate, Topic<String, ContributionAggregate> topic)
    implements Routed<ContributionAggregate> {
  @Override
  public ContributionAggregate payload() {
    return aggregate;
  }
}
