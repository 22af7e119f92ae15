package dev.gatekeeper.cli;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigException;
import dev.gatekeeper.config.LayeredConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The configuration options every command that talks to Kafka shares. */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "FILE", description = "a properties file of settings")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "a setting, overriding file and environment (repeatable); kafka.* keys pass to the clients")
  Map<String, String> flags = new LinkedHashMap<>();

  @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", description = "shortcut for --set bootstrap.servers=...")
  String bootstrap;

  LayeredConfig layered() {
    Map<String, String> all = new LinkedHashMap<>(flags);
    if (bootstrap != null) {
      all.put("bootstrap.servers", bootstrap);
    }
    try {
      return LayeredConfig.load(file, System.getenv(), all);
    } catch (ConfigException e) {
      throw new UserError(e.getMessage());
    }
  }

  AppConfig load(boolean needSecret) {
    try {
      return AppConfig.from(layered(), System.getenv(), needSecret);
    } catch (ConfigException e) {
      throw new UserError(e.getMessage());
    }
  }
}
