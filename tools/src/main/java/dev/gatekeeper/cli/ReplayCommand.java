package dev.gatekeeper.cli;

import dev.gatekeeper.config.AppConfig;
import dev.gatekeeper.config.ConfigException;
import dev.gatekeeper.config.Secrets;
import dev.gatekeeper.deid.DeidConfig;
import dev.gatekeeper.replay.ReplayRunner;
import dev.gatekeeper.replay.ReplaySummary;
import dev.gatekeeper.replay.ScenarioException;
import dev.gatekeeper.topology.GatekeeperConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatekeeper replay SCENARIO.jsonl [--out FILE]}: the production topology, offline. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a JSON Lines scenario (CONTRACT.md replay format) through the production topology",
      "offline and prints every record it writes, one JSON line each.",
      "Settings (--config, --set, GATEKEEPER_*) apply as for run, e.g. --set aggregates.k=3."
    })
final class ReplayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario, one input record per line")
  Path scenario;

  @Mixin ConfigOptions options;

  @Option(names = "--out", paramLabel = "FILE", description = "write the output here instead of standard output")
  Path out;

  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      description = "HMAC secret for pseudonyms (at least 32 bytes); default: an ephemeral random key")
  Path secretFile;

  /** Replay's state lives in a fresh temporary directory by design: Streams' warning about it is noise here. */
  private static final String STATE_DIRECTORY_LOGGER =
      "org.slf4j.simpleLogger.log.org.apache.kafka.streams.processor.internals.StateDirectory";

  @Override
  public Integer call() throws IOException {
    System.setProperty(STATE_DIRECTORY_LOGGER, "error");
    byte[] secret = secret();
    GatekeeperConfig config;
    try {
      config = AppConfig.withSecret(options.layered(), secret).gatekeeper();
    } catch (ConfigException e) {
      throw new UserError(e.getMessage());
    }
    try (BufferedReader in = open(scenario);
        PrintWriter writer = writer();
        ReplayRunner runner = new ReplayRunner(config, System.err::println)) {
      ReplaySummary summary = runner.run(in, writer);
      System.err.println(summary);
      return 0;
    } catch (ScenarioException e) {
      throw new UserError(scenario + ": " + e.getMessage());
    }
  }

  private byte[] secret() {
    if (secretFile == null) {
      System.err.println(
          "replay: using an ephemeral HMAC key; pseudonyms and contribution ids differ between runs"
              + " (pass --secret-file to use a fixed one)");
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      return key;
    }
    byte[] key;
    try {
      key = Secrets.fromFile(secretFile);
    } catch (ConfigException e) {
      throw new UserError(e.getMessage());
    }
    if (key.length < DeidConfig.MIN_SECRET_BYTES) {
      throw new UserError(
          "the secret in " + secretFile + " is shorter than " + DeidConfig.MIN_SECRET_BYTES + " bytes; generate one with: head -c 32 /dev/urandom > FILE");
    }
    return key;
  }

  private static BufferedReader open(Path file) throws IOException {
    try {
      return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such file");
    }
  }

  private PrintWriter writer() throws IOException {
    if (out == null) {
      return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    }
    return new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), false);
  }
}
