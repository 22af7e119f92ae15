package dev.gatekeeper.topology;

import dev.gatekeeper.deid.DeidConfig;
import dev.gatekeeper.policy.PolicyConfig;
import java.util.Objects;

/**
 * Everything the topology is built from; the topology is a pure function of it.
 *
 * @param dlqIncludePayload whether dead letters carry the raw payload (off by default: it may
 *     hold personal data)
 * @param historyCacheSize decoded settings histories kept in memory per stream task
 */
public record GatekeeperConfig(
    TopicNames topics,
    PolicyConfig policy,
    DeidConfig deid,
    boolean dlqIncludePayload,
    int historyCacheSize) {

  public static final int DEFAULT_HISTORY_CACHE_SIZE = 10_000;

  public GatekeeperConfig {
    Objects.requireNonNull(topics, "topics");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(deid, "deid");
    if (historyCacheSize < 0) {
      throw new IllegalArgumentException("historyCacheSize must be zero or positive");
    }
  }
}
