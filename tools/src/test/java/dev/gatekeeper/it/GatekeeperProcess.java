package dev.gatekeeper.it;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigKey;
import dev.gatekeeper.testing.TestConfigs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code gatekeeper run} in a child JVM with this test's class path, to be killed and restarted. */
final class GatekeeperProcess {
  private GatekeeperProcess() {}

  static Process start(AppConfig config, Path log) throws IOException {
    return start(config, log, 0, List.of());
  }

  /** With the health port (and /metrics) on 127.0.0.1:{@code healthPort}; 0 turns it off. */
  static Process start(AppConfig config, Path log, int healthPort) throws IOException {
    return start(config, log, healthPort, List.of());
  }

  /** @param extraSettings {@code key=value} settings added after the configuration's, e.g. the admin API's */
  static Process start(AppConfig config, Path log, int healthPort, List<String> extraSettings) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m",
        "-cp", System.getProperty("java.class.path"),
        "dev.gatekeeper.cli.Main", "run",
        "--bootstrap-server", config.bootstrapServers(),
        "--set", ConfigKey.APPLICATION_ID.key() + "=" + config.applicationId(),
        "--set", ConfigKey.STATE_DIR.key() + "=" + config.stateDir(),
        "--set", ConfigKey.HEALTH_PORT.key() + "=" + healthPort,
        "--set", ConfigKey.API_PORT.key() + "=0",
        "--set", ConfigKey.TOPIC_DATA_EVENTS.key() + "=" + config.topics().inputTopics().get(0),
        "--set", ConfigKey.TOPIC_ORG_SETTINGS.key() + "=" + config.topics().settings(),
        "--set", ConfigKey.TOPIC_CONTRIBUTIONS.key() + "=" + config.topics().contributions(),
        "--set", ConfigKey.TOPIC_DECISIONS.key() + "=" + config.topics().decisions(),
        "--set", ConfigKey.TOPIC_DLQ.key() + "=" + config.topics().deadLetters(),
        "--set", ConfigKey.TOPIC_RECEIPTS.key() + "=" + config.topics().receipts(),
        "--set", ConfigKey.TOPIC_AGGREGATES.key() + "=" + config.topics().aggregates(),
        "--set", ConfigKey.AGGREGATES_K.key() + "=" + config.gatekeeper().aggregates().k(),
        "--set", ConfigKey.AGGREGATES_GRACE.key() + "=" + config.gatekeeper().aggregates().grace().toMillis() + "ms",
        "--set", ConfigKey.AGGREGATES_RETENTION.key() + "=" + config.gatekeeper().aggregates().retention().toMillis() + "ms"));
    config.kafka().forEach((k, v) -> {
      cmd.add("--set");
      cmd.add("kafka." + k + "=" + v);
    });
    extraSettings.forEach(s -> {
      cmd.add("--set");
      cmd.add(s);
    });
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put(ConfigKey.HMAC_SECRET_ENV, new String(TestConfigs.TEST_SECRET, StandardCharsets.UTF_8));
    return pb.start();
  }
}
