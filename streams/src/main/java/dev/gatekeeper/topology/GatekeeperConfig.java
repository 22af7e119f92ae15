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
 */
public record GatekeeperConfig(
    TopicNames topics,
    PolicyConfig policy,
    DeidConfig deid,
    boolean dlqIncludePayload,
    int historyCacheSize,
    AggregateConfig aggregates,
    Routing routing) {

  public static final int DEFAULT_HISTORY_CACHE_SIZE = 10_000;

  public GatekeeperConfig {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(deid, "deid");
    Objects.requireNonNull(aggregates, "aggregates");
    Objects.requireNonNull(routing, "routing");
    if (historyCacheSize < 0) {
      throw new IllegalArgumentException("historyCacheSize must be zero or positive");
    }
  }

  /** Without aggregates or regional routing: the core alone. */
  public GatekeeperConfig(TopicNames topics, PolicyConfig policy, DeidConfig deid, boolean dlqIncludePayload, int historyCacheSize) {
    this(topics, policy, deid, dlqIncludePayload, historyCacheSize, AggregateConfig.defaults(), Routing.off());
  }

  public GatekeeperConfig withAggregates(AggregateConfig newAggregates) {
    return new GatekeeperConfig(topics, policy, deid, dlqIncludePayload, historyCacheSize, newAggregates, routing);
  }

  public GatekeeperConfig withRouting(Routing newRouting) {
    return new GatekeeperConfig(topics, policy, deid, dlqIncludePayload, historyCacheSize, aggregates, newRouting);
  }
}
