package dev.gatekeeper.config;

import dev.gatekeeper.aggregate.AggregateConfig;
import dev.gatekeeper.aggregate.NumericBuckets;
import dev.gatekeeper.deid.DeidConfig;
import dev.gatekeeper.policy.PolicyConfig;
import dev.gatekeeper.registry.RegistrySettings;
import dev.gatekeeper.serde.WireFormat;
import dev.gatekeeper.serde.WireSettings;
import dev.gatekeeper.topology.GatekeeperSerdes;
import dev.gatekeeper.topology.GatekeeperConfig;
import dev.gatekeeper.topology.Routing;
import dev.gatekeeper.topology.StreamsDefaults;
import dev.gatekeeper.topology.TopicCatalog;
import dev.gatekeeper.topology.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The validated, typed configuration of a gatekeeper process. Built from a {@link LayeredConfig};
 * every problem is collected and reported at once, each naming its key and what to set.
 *
 * @param gatekeeper null for commands that do not de-identify (they need no secret)
 * @param wire the wire format and schema registry of the topics
 * @param api the admin API (off when its port is 0)
 */
public record AppConfig(
    String bootstrapServers,
    String applicationId,
    Path stateDir,
    int numStreamThreads,
    TopicNames topics,
    Routing routing,
    GatekeeperConfig gatekeeper,
    Map<String, String> kafka,
    int healthPort,
    String healthHost,
    WireSettings wire,
    ApiSettings api) {

  /**
   * @param needSecret whether the HMAC secret must be present (the service, the demo)
   * @throws ConfigException listing every problem
   */
  public static AppConfig from(LayeredConfig c, Map<String, String> env, boolean needSecret) {
    return from(c, p -> needSecret ? secret(c, env, p) : null);
  }

  /**
   * With a secret the caller already holds (replay's ephemeral or file key) instead of the
   * configured one.
   *
   * @throws ConfigException listing every problem
   */
  public static AppConfig withSecret(LayeredConfig c, byte[] secret) {
    return from(c, p -> secret);
  }

  private static AppConfig from(LayeredConfig c, Function<Problems, byte[]> secrets) {
    Problems p = new Problems(c);
    String bootstrap = p.require(ConfigKey.BOOTSTRAP_SERVERS);
    String appId = p.require(ConfigKey.APPLICATION_ID);
    Path stateDir = Path.of(p.require(ConfigKey.STATE_DIR));
    Integer threads = p.parse(ConfigKey.NUM_STREAM_THREADS, Integer::parseInt, "a whole number of at least 1", n -> n >= 1);
    TopicNames topics = topics(c, p);
    PolicyConfig policy = policy(c, p);
    Integer cacheSize = p.parse(ConfigKey.HISTORY_CACHE_SIZE, Integer::parseInt, "a whole number of at least 0", n -> n >= 0);
    Boolean includePayload = p.parse(ConfigKey.DLQ_INCLUDE_PAYLOAD, AppConfig::bool, "true or false", b -> true);
    Integer healthPort = p.parse(ConfigKey.HEALTH_PORT, Integer::parseInt, "a port 1-65535, or 0 to disable", n -> n >= 0 && n <= 65535);
    String healthHost = p.parse(ConfigKey.HEALTH_HOST, AppConfig::listenAddress, "an IP address of this machine such as 127.0.0.1, 0.0.0.0 for every interface, or localhost", h -> true);
    Duration granularity = p.parse(ConfigKey.TIME_GRANULARITY, Durations::parse, "a positive duration such as 1h", d -> !d.isNegative() && !d.isZero());
    Set<String> attributes = new LinkedHashSet<>(Arrays.asList(c.get(ConfigKey.ALLOWED_ATTRIBUTES).split("\\s*,\\s*")));
    attributes.remove("");
    byte[] secret = secrets.apply(p);
    AggregateConfig aggregates = aggregates(p);
    Routing routing = routing(c, p);
    WireSettings wire = wire(c, p);
    ApiSettings api = api(c, p);
    guarantees(c.kafkaProperties(), p);
    distinctTopics(topics, routing, p);
    p.throwIfAny();
    GatekeeperConfig gatekeeper =
        secret == null
            ? null
            : new GatekeeperConfig(
                topics, policy, new DeidConfig(secret, attributes, granularity), includePayload, cacheSize, aggregates, routing);
    return new AppConfig(bootstrap, appId, stateDir, threads, topics, routing, gatekeeper, c.kafkaProperties(), healthPort, healthHost, wire, api);
  }

  /**
   * The admin API: on a loopback address with or without a token, on any other only with one;
   * advertised by the bind address unless told otherwise (a wildcard bind must be told).
   */
  private static ApiSettings api(LayeredConfig c, Problems p) {
    Integer port = p.parse(ConfigKey.API_PORT, Integer::parseInt, "a port 1-65535, or 0 to disable", n -> n >= 0 && n <= 65535);
    String bind = p.require(ConfigKey.API_BIND);
    String tokenFile = c.get(ConfigKey.API_TOKEN_FILE).strip();
    String advertised = c.get(ConfigKey.API_ADVERTISED_HOST).strip();
    if (port == null || bind == null || port == 0) {
      return ApiSettings.off();
    }
    java.net.InetAddress address;
    try {
      address = java.net.InetAddress.getByName(bind);
    } catch (java.net.UnknownHostException e) {
      p.add(ConfigKey.API_BIND, "is '" + bind + "', which does not resolve; use an address of this host such as 127.0.0.1");
      return ApiSettings.off();
    }
    Optional<String> token = Optional.empty();
    if (!tokenFile.isEmpty()) {
      try {
        token = Optional.of(ApiSettings.readToken(Path.of(tokenFile)));
      } catch (ConfigException e) {
        e.problems().forEach(problem -> p.add(ConfigKey.API_TOKEN_FILE, "is unusable: " + problem));
      }
    } else if (!address.isLoopbackAddress()) {
      p.add(ConfigKey.API_BIND, "is '" + bind + "', not a loopback address, but api.token-file is empty: set api.token-file to a file"
          + " holding the bearer token callers must send (create one with: head -c 32 /dev/urandom | base64 > FILE),"
          + " or bind to 127.0.0.1");
    }
    if (advertised.isEmpty()) {
      if (address.isAnyLocalAddress()) {
        p.add(ConfigKey.API_ADVERTISED_HOST, "is empty but api.bind is the wildcard '" + bind
            + "': set it to the host name or address the other instances reach this one by");
      }
      advertised = bind;
    }
    return new ApiSettings(port, bind, advertised, token);
  }

  private static final List<ConfigKey> REGISTRY_KEYS = List.of(
      ConfigKey.SCHEMA_REGISTRY_URL, ConfigKey.SCHEMA_REGISTRY_USER, ConfigKey.SCHEMA_REGISTRY_PASSWORD,
      ConfigKey.SCHEMA_REGISTRY_TRUSTSTORE_LOCATION, ConfigKey.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
      ConfigKey.SCHEMA_REGISTRY_TRUSTSTORE_TYPE, ConfigKey.SCHEMA_REGISTRY_REQUEST_TIMEOUT, ConfigKey.SCHEMA_REGISTRY_MAX_RETRIES);

  private static WireSettings wire(LayeredConfig c, Problems p) {
    String formatText = c.get(ConfigKey.SERDE_FORMAT).strip();
    String url = c.get(ConfigKey.SCHEMA_REGISTRY_URL).strip();
    Boolean autoRegister = p.parse(ConfigKey.SCHEMA_REGISTRY_AUTO_REGISTER, AppConfig::bool, "true or false", b -> true);
    WireFormat format;
    if (formatText.equalsIgnoreCase("auto")) {
      format = url.isEmpty() ? WireFormat.SINGLE_OBJECT : WireFormat.CONFLUENT;
    } else {
      try {
        format = WireFormat.parse(formatText);
      } catch (IllegalArgumentException e) {
        p.add(ConfigKey.SERDE_FORMAT, "is '" + formatText + "'; expected confluent, single-object or auto");
        return WireSettings.singleObject();
      }
    }
    if (url.isEmpty()) {
      if (format == WireFormat.CONFLUENT) {
        p.add(ConfigKey.SERDE_FORMAT, "is confluent but schema.registry.url is empty; set it to the registry's Confluent API root,"
            + " e.g. http://localhost:8085/apis/ccompat/v7 (./gatekeeper registry starts one), or use serde.format=single-object");
      }
      return WireSettings.singleObject();
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (ConfigKey k : REGISTRY_KEYS) {
      String v = c.get(k).strip();
      if (!v.isEmpty()) {
        settings.put(k.key(), v);
      }
    }
    String trustStore = settings.get(ConfigKey.SCHEMA_REGISTRY_TRUSTSTORE_LOCATION.key());
    if (trustStore != null && !Files.isReadable(Path.of(trustStore))) {
      p.add(ConfigKey.SCHEMA_REGISTRY_TRUSTSTORE_LOCATION, "names " + trustStore + ", which is not a readable file");
    }
    if (settings.containsKey(ConfigKey.SCHEMA_REGISTRY_PASSWORD.key()) && !settings.containsKey(ConfigKey.SCHEMA_REGISTRY_USER.key())) {
      p.add(ConfigKey.SCHEMA_REGISTRY_USER, "is empty but a registry password is set; set the user too, or remove the password");
    }
    RegistrySettings registry;
    try {
      registry = RegistrySettings.from(settings);
    } catch (IllegalArgumentException e) {
      // The messages name keys, never a secret value.
      p.add(e.getMessage());
      return WireSettings.singleObject();
    }
    return new WireSettings(format, Optional.of(registry), autoRegister == null || autoRegister);
  }

  /**
   * The topics of this configuration with serdes of its wire settings (a registry client when a
   * registry is configured; nothing is contacted until a record is written or read).
   */
  public TopicCatalog catalog() {
    return TopicCatalog.of(topics, routing, GatekeeperSerdes.from(wire));
  }

  private static TopicNames topics(LayeredConfig c, Problems p) {
    String patternText = c.get(ConfigKey.TOPIC_DATA_EVENTS_PATTERN);
    Pattern pattern = null;
    List<String> inputs = List.of();
    if (!patternText.isBlank()) {
      try {
        pattern = Pattern.compile(patternText);
      } catch (PatternSyntaxException e) {
        p.add(ConfigKey.TOPIC_DATA_EVENTS_PATTERN, "is not a valid regular expression");
      }
    } else {
      inputs = Arrays.stream(p.require(ConfigKey.TOPIC_DATA_EVENTS).split("\\s*,\\s*")).filter(s -> !s.isEmpty()).toList();
      if (inputs.isEmpty()) {
        p.add(ConfigKey.TOPIC_DATA_EVENTS, "names no topic; give one or more, comma-separated");
      }
    }
    String settings = p.require(ConfigKey.TOPIC_ORG_SETTINGS);
    String contributions = p.require(ConfigKey.TOPIC_CONTRIBUTIONS);
    String decisions = p.require(ConfigKey.TOPIC_DECISIONS);
    String dlq = p.require(ConfigKey.TOPIC_DLQ);
    String receipts = p.require(ConfigKey.TOPIC_RECEIPTS);
    String aggregates = p.require(ConfigKey.TOPIC_AGGREGATES);
    if (inputs.isEmpty() && pattern == null) {
      return TopicNames.defaults();
    }
    return new TopicNames(inputs, pattern, settings, contributions, decisions, dlq, receipts, aggregates);
  }

  /** Each role needs its own topic: the catalog refuses a name given to two. */
  private static void distinctTopics(TopicNames topics, Routing routing, Problems p) {
    try {
      TopicCatalog.of(topics, routing);
    } catch (IllegalArgumentException e) {
      p.add(e.getMessage());
    }
  }

  private static AggregateConfig aggregates(Problems p) {
    Boolean enabled = p.parse(ConfigKey.AGGREGATES_ENABLED, AppConfig::bool, "true or false", b -> true);
    Integer k = p.parse(ConfigKey.AGGREGATES_K, Integer::parseInt, "a whole number of at least 2 (a bucket of one org identifies it)", n -> n >= 2);
    Duration window = p.parse(ConfigKey.AGGREGATES_WINDOW, Durations::parse, "a positive duration such as 1d", d -> !d.isNegative() && !d.isZero());
    Duration grace = p.parse(ConfigKey.AGGREGATES_GRACE, Durations::parse, "a duration such as 1d (0 for none)", d -> !d.isNegative());
    NumericBuckets edges = p.parse(ConfigKey.AGGREGATES_NUMERIC_EDGES, NumericBuckets::parse, "strictly increasing numbers, comma-separated, such as 0,10,100", e -> true);
    Duration flush = p.parse(ConfigKey.AGGREGATES_FLUSH_INTERVAL, Durations::parse, "a positive duration such as 1s", d -> !d.isNegative() && !d.isZero());
    Duration retention = p.parse(ConfigKey.AGGREGATES_RETENTION, Durations::parse, "a duration such as 30d", d -> !d.isNegative());
    if (enabled == null || k == null || window == null || grace == null || edges == null || flush == null || retention == null) {
      return AggregateConfig.defaults();
    }
    if (retention.compareTo(grace) < 0) {
      p.add(ConfigKey.AGGREGATES_RETENTION, "is shorter than aggregates.grace (" + grace.toHours() + "h against "
          + retention.toHours() + "h): a window would be forgotten while late events still count toward it; set it to at least the grace");
      return AggregateConfig.defaults();
    }
    return new AggregateConfig(enabled, k, window, grace, edges, flush, retention);
  }

  private static Routing routing(LayeredConfig c, Problems p) {
    Boolean regional = p.parse(ConfigKey.ROUTING_REGIONAL, AppConfig::bool, "true or false", b -> true);
    Boolean aggregatesGlobal = p.parse(ConfigKey.ROUTING_AGGREGATES_GLOBAL, AppConfig::bool, "true or false", b -> true);
    Set<String> regions = new java.util.TreeSet<>();
    boolean usable = regional != null && aggregatesGlobal != null;
    for (String r : c.get(ConfigKey.ROUTING_REGIONS).split("\\s*,\\s*")) {
      if (r.isBlank()) {
        continue;
      }
      if (!Routing.isValidRegion(r.strip())) {
        p.add(ConfigKey.ROUTING_REGIONS, "names '" + r.strip() + "'; a region becomes a topic suffix: use letters, digits, '_' and '-' (up to 64)");
        usable = false;
      }
      regions.add(r.strip());
    }
    if (Boolean.TRUE.equals(regional) && regions.isEmpty()) {
      p.add(ConfigKey.ROUTING_REGIONS, "is empty but routing.regional is true; list the regions that have topics, e.g. eu,us");
      usable = false;
    }
    if (!usable) {
      // The problems reported stop the start-up; this value is never used.
      return Routing.off();
    }
    return new Routing(regional, regions, aggregatesGlobal);
  }

  private static PolicyConfig policy(LayeredConfig c, Problems p) {
    Instant effective = p.parse(ConfigKey.EFFECTIVE_DATE, Instant::parse, "an ISO-8601 instant such as 2026-08-17T00:00:00Z", i -> true);
    Duration window = p.parse(ConfigKey.REVIEW_WINDOW, Durations::parse, "a duration such as 30d", d -> !d.isNegative());
    Duration retention = p.parse(ConfigKey.HISTORY_RETENTION, Durations::parse, "a duration such as 35d", d -> !d.isNegative());
    String version = p.require(ConfigKey.POLICY_VERSION);
    if (window != null && retention != null && retention.compareTo(window) < 0) {
      p.add(ConfigKey.HISTORY_RETENTION, "must be at least policy.review-window (" + c.get(ConfigKey.REVIEW_WINDOW) + ")");
    }
    if (effective == null || window == null || retention == null || version == null || retention.compareTo(window) < 0) {
      return PolicyConfig.defaults();
    }
    return new PolicyConfig(effective, window, retention, version);
  }

  private static byte[] secret(LayeredConfig c, Map<String, String> env, Problems p) {
    String file = c.get(ConfigKey.HMAC_SECRET_FILE);
    String fromEnv = env.get(ConfigKey.HMAC_SECRET_ENV);
    byte[] secret;
    if (!file.isBlank()) {
      try {
        secret = Secrets.fromFile(Path.of(file));
      } catch (ConfigException e) {
        e.problems().forEach(p::add);
        return null;
      }
    } else if (fromEnv != null && !fromEnv.isEmpty()) {
      secret = Secrets.fromEnvironmentValue(fromEnv);
    } else {
      p.add("no HMAC secret: set " + ConfigKey.HMAC_SECRET_FILE.key() + " to a file holding at least "
          + DeidConfig.MIN_SECRET_BYTES + " bytes, or the environment variable " + ConfigKey.HMAC_SECRET_ENV
          + " (generate one with: head -c 32 /dev/urandom | base64)");
      return null;
    }
    if (secret.length < DeidConfig.MIN_SECRET_BYTES) {
      p.add("the HMAC secret is " + secret.length + " bytes; it must be at least " + DeidConfig.MIN_SECRET_BYTES);
      return null;
    }
    return secret;
  }

  /** The privacy promise rests on exactly-once and fully acknowledged writes: no pass-through may relax them. */
  private static void guarantees(Map<String, String> kafka, Problems p) {
    String guarantee = kafka.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
    if (guarantee != null && !guarantee.equals(StreamsConfig.EXACTLY_ONCE_V2)) {
      p.add("kafka.processing.guarantee is '" + guarantee + "'; the gatekeeper runs only with exactly_once_v2: remove the setting");
    }
    kafka.forEach((k, v) -> {
      if ((k.equals("acks") || k.endsWith(".acks")) && !v.equals("all") && !v.equals("-1")) {
        p.add("kafka." + k + " is '" + v + "'; the gatekeeper writes only with acks=all: remove the setting");
      }
    });
    StreamsDefaults.revocationTimeProblems(kafka).forEach(p::add);
  }

  /** {@code s} if it is an IP literal or localhost (no DNS lookup); else IllegalArgumentException. */
  private static String listenAddress(String s) {
    boolean ipv4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}") && Arrays.stream(s.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255);
    if (!ipv4 && !s.contains(":") && !s.equals("localhost")) {
      throw new IllegalArgumentException(s);
    }
    try {
      java.net.InetAddress.getByName(s); // a literal is parsed, never looked up
      return s;
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static boolean bool(String s) {
    return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException();
    };
  }

  /** Properties for admin, producer and consumer clients: bootstrap plus the pass-through. */
  public Properties clientProperties() {
    Properties props = new Properties();
    props.putAll(kafka);
    props.put("bootstrap.servers", bootstrapServers);
    return props;
  }

  /**
   * Properties for Kafka Streams: the safe defaults, then the pass-through (validated not to relax
   * them), then what this configuration fixes.
   */
  public Properties streamsProperties() {
    Properties props = StreamsDefaults.of(applicationId, bootstrapServers, stateDir);
    props.putAll(kafka);
    // The values that win as Streams resolves prefixes, under the prefixed keys: an unprefixed
    // pass-through would otherwise lose to the prefixed defaults.
    props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), Long.toString(StreamsDefaults.transactionTimeoutMs(kafka)));
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG), Long.toString(StreamsDefaults.maxPollIntervalMs(kafka)));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(numStreamThreads));
    if (api.enabled()) {
      // Each instance tells the others where its admin API is, so an org's queries reach its owner.
      props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, api.advertised());
    }
    return props;
  }

  /** Collects problems, each prefixed with its key. */
  private static final class Problems {
    private final LayeredConfig c;
    private final List<String> list = new ArrayList<>();

    Problems(LayeredConfig c) {
      this.c = c;
    }

    void add(String problem) {
      list.add(problem);
    }

    void add(ConfigKey key, String problem) {
      list.add(key.key() + " " + problem + " (from " + c.source(key).name().toLowerCase(java.util.Locale.ROOT) + ")");
    }

    String require(ConfigKey key) {
      String v = c.get(key);
      if (v == null || v.isBlank()) {
        add(key, "is empty; set it in the config file, " + key.environmentVariable() + " or --set " + key.key() + "=...");
        return null;
      }
      return v.strip();
    }

    <T> T parse(ConfigKey key, Function<String, T> parser, String expected, java.util.function.Predicate<T> valid) {
      String v = require(key);
      if (v == null) {
        return null;
      }
      try {
        T t = parser.apply(v);
        if (valid.test(t)) {
          return t;
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        // reported below
      }
      add(key, "is '" + v + "'; expected " + expected);
      return null;
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw new ConfigException(list);
      }
    }
  }
}
