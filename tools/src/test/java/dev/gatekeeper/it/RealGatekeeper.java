package dev.gatekeeper.it;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.config.LayeredConfig;
import dev.gatekeeper.ops.TopicCreator;
import dev.gatekeeper.runtime.GatekeeperService;
import dev.gatekeeper.testing.TestConfigs;
import dev.gatekeeper.topology.TopicCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;

/**
 * A gatekeeper configuration against a real broker with fresh topic names and application id
 * (re-creating a deleted topic name stalls Streams), the topics created, and instances to start.
 */
final class RealGatekeeper {
  final AppConfig config;

  RealGatekeeper(TestKafka kafka, int partitions) throws Exception {
    this(kafka.bootstrapServers(), partitions, Map.of());
  }

  /** Against any listener; {@code extraFlags} add settings such as {@code kafka.security.protocol}. */
  RealGatekeeper(String bootstrapServers, int partitions, Map<String, String> extraFlags) throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    Path state = Files.createTempDirectory("gatekeeper-it-");
    Map<String, String> flags = new HashMap<>();
    flags.put(ConfigKey.BOOTSTRAP_SERVERS.key(), bootstrapServers);
    flags.put(ConfigKey.APPLICATION_ID.key(), "gatekeeper-it-" + suffix);
    flags.put(ConfigKey.STATE_DIR.key(), state.toString());
    flags.put(ConfigKey.HEALTH_PORT.key(), "0");
    flags.put(ConfigKey.API_PORT.key(), "0");
    flags.put(ConfigKey.TOPIC_DATA_EVENTS.key(), "data-events-" + suffix);
    flags.put(ConfigKey.TOPIC_ORG_SETTINGS.key(), "org-settings-" + suffix);
    flags.put(ConfigKey.TOPIC_CONTRIBUTIONS.key(), "contributions-" + suffix);
    flags.put(ConfigKey.TOPIC_DECISIONS.key(), "decisions-" + suffix);
    flags.put(ConfigKey.TOPIC_DLQ.key(), "dlq-" + suffix);
    flags.put(ConfigKey.TOPIC_RECEIPTS.key(), "receipts-" + suffix);
    flags.put(ConfigKey.TOPIC_AGGREGATES.key(), "aggregates-" + suffix);
    // Quick rebalances and commits keep the tests short; the guarantees are unchanged.
    flags.put("kafka.commit.interval.ms", "100");
    flags.put("kafka.consumer.session.timeout.ms", "10000");
    flags.put("kafka.consumer.heartbeat.interval.ms", "1000");
    flags.putAll(extraFlags);
    Map<String, String> env = Map.of(ConfigKey.HMAC_SECRET_ENV, new String(TestConfigs.TEST_SECRET, StandardCharsets.UTF_8));
    this.config = AppConfig.from(LayeredConfig.load(null, Map.of(), flags), env, true);
    try (Admin admin = Admin.create(config.clientProperties())) {
      for (TopicCreator.Result r : new TopicCreator(admin, Duration.ofSeconds(30)).create(TopicCatalog.of(config.topics(), config.routing()).all(), partitions, (short) 1)) {
        if (r.problem() != null) {
          throw new IllegalStateException("topic " + r.topic() + ": " + r.problem());
        }
      }
    }
  }

  /** A started instance with its own state directory, as a second machine would have. */
  GatekeeperService startInstance() throws Exception {
    return startInstance(newStateDir(), config.catalog());
  }

  /** A state directory of its own, as a new machine would have. */
  Path newStateDir() throws Exception {
    return Files.createTempDirectory(config.stateDir(), "instance-");
  }

  /**
   * A started instance on {@code stateDir} (one an earlier instance used, to restart on its state)
   * whose topics and stores use {@code catalog}'s serdes.
   */
  GatekeeperService startInstance(Path stateDir, TopicCatalog catalog) {
    AppConfig instance = new AppConfig(config.bootstrapServers(), config.applicationId(), stateDir, config.numStreamThreads(),
        config.topics(), config.routing(), config.gatekeeper(), config.kafka(), 0, config.healthHost(), config.wire(), config.api());
    GatekeeperService service = new GatekeeperService(instance, catalog);
    service.start();
    return service;
  }
}
