package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.AggregateConfig;
import dev.gatekeeper.deid.DeidConfig;
import dev.gatekeeper.policy.PolicyConfig;
import java.util.Objects;

/**
 * Everything the topology is built from; the topology is a pure function of it.
 *
 * @param dlqIncludePayload whether dead letters carry the raw payload (off by default: it may
 *     hold personal data)
 * @param historyCacheSize decoded settings histories kept in memory per stream task
 * @param aggregates how contributed metadata is counted into k-anonymous aggregates
 * @param routing where contributions and aggregates go by the org's residency region
 * @param inputPartitions the partition count of the input topics (they are co-partitioned), so
 *     that a record a producer put in another partition than the default partitioner would is
 *     moved to the right one; 0 when unknown (the test driver, replay): no record is moved
 */
public record GatekeeperConfig(
    TopicNames topics,
    PolicyConfig policy,
    DeidConfig deid,
    boolean dlqIncludePayload,
    int historyCacheSize,
    AggregateConfig aggregates,
    Routing routing,
    int inputPartitions) {

  public static final int DEFAULT_HISTORY_CACHE_SIZE = 10_000;

  public GatekeeperConfig {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(deid, "deid");
    Objects.requireNonNull(aggregates, "aggregates");
    Objects.requireNonNull(routing, "routing");
    if (inputPartitions < 0) {
      throw new IllegalArgumentException("inputPartitions must be zero (unknown) or positive");
    }
    if (historyCacheSize < 0) {
      throw new IllegalArgumentException("historyCacheSize must be zero or positive");
    }
  }

  /** Without aggregates or regional routing: the core alone. */
  public GatekeeperConfig(TopicNames topics, PolicyConfig policy, DeidConfig deid, boolean dlqIncludePayload, int historyCacheSize) {
    this(topics, policy, deid, dlqIncludePayload, historyCacheSize, AggregateConfig.defaults(), Routing.off());
  }

  /** With the input partition count unknown (no record is moved between partitions). */
  public GatekeeperConfig(TopicNames topics, PolicyConfig policy, DeidConfig deid, boolean dlqIncludePayload, int historyCacheSize,
      AggregateConfig aggregates, Routing routing) {
    this(topics, policy, deid, dlqIncludePayload, historyCacheSize, aggregates, routing, 0);
  }

  /** The same configuration for input topics of {@code partitions} partitions. */
  public GatekeeperConfig withInputPartitions(int partitions) {
    return new GatekeeperConfig(topics, policy, deid, dlqIncludePayload, historyCacheSize, aggregates, routing, partitions);
  }

  public GatekeeperConfig withAggregates(AggregateConfig newAggregates) {
    return new GatekeeperConfig(topics, policy, deid, dlqIncludePayload, historyCacheSize, newAggregates, routing, inputPartitions);
  }

  public GatekeeperConfig withRouting(Routing newRouting) {
    return new GatekeeperConfig(topics, policy, deid, dlqIncludePayload, historyCacheSize, aggregates, newRouting, inputPartitions);
  }
}
