package dev.gatekeeper.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Raw settings resolved in layers, each overriding the one before: defaults &lt; file ({@code
 * --config}, Java properties) &lt; environment ({@code GATEKEEPER_*}) &lt; flags ({@code --set
 * key=value}). Keys are {@link ConfigKey}s or {@code kafka.*} client properties; an unknown key is
 * an error, not silently ignored. Remembers where each value came from, for a redacted dump.
 */
public final class LayeredConfig {

  /** Where a value came from, lowest precedence first. */
  public enum Source { DEFAULT, FILE, ENVIRONMENT, FLAG }

  private record Value(String value, Source source) {}

  private static final String KAFKA_ENV_PREFIX = "GATEKEEPER_KAFKA_";
  private static final List<String> SECRET_MARKERS = List.of("password", "secret", "jaas", "token", "credential");

  private final Map<String, Value> values = new TreeMap<>();

  private LayeredConfig() {}

  /**
   * @param file a properties file, or null
   * @param env the process environment (or a test's)
   * @param flags values given on the command line
   * @throws ConfigException naming every unknown key and unreadable file
   */
  public static LayeredConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
    LayeredConfig c = new LayeredConfig();
    List<String> problems = new ArrayList<>();
    for (ConfigKey k : ConfigKey.values()) {
      c.values.put(k.key(), new Value(k.defaultValue(), Source.DEFAULT));
    }
    if (file != null) {
      c.putAll(readFile(file, problems), Source.FILE, "in " + file, problems);
    }
    for (ConfigKey k : ConfigKey.values()) {
      String v = env.get(k.environmentVariable());
      if (v != null) {
        c.values.put(k.key(), new Value(v, Source.ENVIRONMENT));
      }
    }
    env.forEach((name, v) -> {
      if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
        String clientKey = name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        c.values.put(ConfigKey.KAFKA_PREFIX + clientKey, new Value(v, Source.ENVIRONMENT));
      }
    });
    c.putAll(flags, Source.FLAG, "given with --set", problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return c;
  }

  private static Map<String, String> readFile(Path file, List<String> problems) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      problems.add("config file " + file + " does not exist; pass an existing file to --config");
    } catch (IOException | IllegalArgumentException e) {
      problems.add("config file " + file + " is not a readable properties file (" + e.getClass().getSimpleName() + ")");
    }
    Map<String, String> out = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).strip()));
    return out;
  }

  private void putAll(Map<String, String> in, Source source, String where, List<String> problems) {
    in.forEach((key, v) -> {
      if (ConfigKey.byKey(key).isPresent() || (key.startsWith(ConfigKey.KAFKA_PREFIX) && key.length() > 6)) {
        values.put(key, new Value(v, source));
      } else {
        problems.add("unknown setting '" + key + "' " + where + "; run 'gatekeeper run --help' for the known settings,"
            + " or prefix a Kafka client property with 'kafka.'");
      }
    });
  }

  public String get(ConfigKey key) {
    return values.get(key.key()).value();
  }

  public Source source(ConfigKey key) {
    return values.get(key.key()).source();
  }

  /** Kafka client properties, the {@code kafka.} prefix removed. */
  public Map<String, String> kafkaProperties() {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith(ConfigKey.KAFKA_PREFIX)) {
        out.put(k.substring(ConfigKey.KAFKA_PREFIX.length()), v.value());
      }
    });
    return out;
  }

  /** Every setting as {@code key = value (source)}, with secret-looking values redacted. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    values.forEach((k, v) -> lines.add(k + " = " + (isSecret(k) ? "<redacted>" : v.value()) + "  (" + v.source().name().toLowerCase(Locale.ROOT) + ")"));
    return lines;
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return SECRET_MARKERS.stream().anyMatch(k::contains) && !k.endsWith("-file") && !k.endsWith(".location");
  }
}
