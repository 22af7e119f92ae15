package dev.gatekeeper.testing;

import dev.gatekeeper.deid.DeidConfig;
import dev.gatekeeper.policy.PolicyConfig;
import dev.gatekeeper.topology.GatekeeperConfig;
import dev.gatekeeper.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Configurations for tests: the production defaults with a fixed, test-only HMAC secret. */
public final class TestConfigs {
  public static final byte[] TEST_SECRET =
      "test-only-hmac-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

  private TestConfigs() {}

  public static GatekeeperConfig gatekeeper() {
    return new GatekeeperConfig(
        TopicNames.defaults(),
        PolicyConfig.defaults(),
        new DeidConfig(TEST_SECRET, DeidConfig.DEFAULT_ALLOWED_ATTRIBUTES, Duration.ofHours(1)),
        false,
        GatekeeperConfig.DEFAULT_HISTORY_CACHE_SIZE);
  }
}
