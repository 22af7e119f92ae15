package dev.gatekeeper.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every gatekeeper setting: its key (in files and {@code --set}), its default, and what it does.
 * Kafka client properties are not listed: any key starting with {@code kafka.} passes through
 * to every client with the prefix removed.
 */
public enum ConfigKey {
  BOOTSTRAP_SERVERS("bootstrap.servers", "localhost:9092", "Kafka brokers to connect to"),
  APPLICATION_ID("application.id", "contribution-gatekeeper", "Kafka Streams application id (consumer group, internal topic prefix)"),
  STATE_DIR("state.dir", System.getProperty("java.io.tmpdir") + "/gatekeeper-state", "where the state stores live"),
  NUM_STREAM_THREADS("streams.num-threads", "1", "stream threads per instance"),
  TOPIC_DATA_EVENTS("topics.data-events", "data-events", "input topics, comma-separated"),
  TOPIC_DATA_EVENTS_PATTERN("topics.data-events.pattern", "", "input topics as a regular expression (instead of the list)"),
  TOPIC_ORG_SETTINGS("topics.org-settings", "org-settings", "compacted settings topic"),
  TOPIC_CONTRIBUTIONS("topics.contributions", "contributions", "compacted output topic read by ML pipelines"),
  TOPIC_DECISIONS("topics.decisions", "contribution-decisions", "audit decisions"),
  TOPIC_DLQ("topics.dlq", "data-events-dlq", "dead letters"),
  TOPIC_RECEIPTS("topics.receipts", "revocation-receipts", "one receipt per settings record that revoked anything (audit)"),
  TOPIC_AGGREGATES("topics.aggregates", "contribution-aggregates", "compacted k-anonymous aggregates (key bucket)"),
  AGGREGATES_ENABLED("aggregates.enabled", "true", "whether contributed metadata is counted into aggregates"),
  AGGREGATES_K("aggregates.k", "10", "a bucket is published only while at least this many distinct orgs count toward it"),
  AGGREGATES_WINDOW("aggregates.window", "1d", "tumbling window of the aggregates (aligned to UTC midnight for 1d)"),
  AGGREGATES_GRACE("aggregates.grace", "1d", "late events count toward a window until this long after it ends"),
  AGGREGATES_RETENTION("aggregates.retention", "30d", "windows that ended longer ago are final: their state is forgotten and a revocation that reaches one withdraws the bucket (at least aggregates.grace)"),
  AGGREGATES_NUMERIC_EDGES("aggregates.numeric-edges", dev.gatekeeper.aggregate.NumericBuckets.DEFAULT_EDGES, "edges numeric attribute values are bucketed by, increasing, comma-separated"),
  AGGREGATES_FLUSH_INTERVAL("aggregates.flush-interval", "1s", "how long new contributions' bucket changes are coalesced before they are counted (revocations never wait)"),
  ROUTING_REGIONAL("routing.regional", "false", "write each org's contributions to contributions.<residencyRegion>"),
  ROUTING_REGIONS("routing.regions", "", "the regions with topics, comma-separated (orgs in other regions contribute nothing)"),
  ROUTING_AGGREGATES_GLOBAL("routing.aggregates-global", "false", "with regional routing, keep aggregates global instead of per region"),
  EFFECTIVE_DATE("policy.effective-date", "2026-08-17T00:00:00Z", "nothing that occurred before it is contributed"),
  REVIEW_WINDOW("policy.review-window", "30d", "how long a plan change holds back what the plan before forbade"),
  HISTORY_RETENTION("policy.history-retention", "35d", "settings history kept behind the newest record time"),
  POLICY_VERSION("policy.version", "policy-2026-08-17", "label written on every contribution and decision"),
  HMAC_SECRET_FILE("deid.hmac-secret-file", "", "file holding the HMAC secret (>= 32 bytes); or set GATEKEEPER_HMAC_SECRET"),
  ALLOWED_ATTRIBUTES("deid.allowed-attributes", String.join(",", dev.gatekeeper.deid.DeidConfig.DEFAULT_ALLOWED_ATTRIBUTES.stream().sorted().toList()), "metadata attribute names that may pass, comma-separated"),
  TIME_GRANULARITY("deid.time-granularity", "1h", "contribution times are truncated to this"),
  DLQ_INCLUDE_PAYLOAD("dlq.include-payload", "false", "whether dead letters carry the raw payload (may hold personal data)"),
  HISTORY_CACHE_SIZE("history.cache-size", "10000", "decoded settings histories cached per stream task"),
  // The admin API (README "Admins and operators"); ApiSettings.
  API_PORT("api.port", "8090", "HTTP port of the admin API (/orgs/{id}/policy, /contributions, /preview); 0 disables"),
  API_BIND("api.bind", "127.0.0.1", "address the admin API listens on; any but a loopback address needs api.token-file"),
  API_TOKEN_FILE("api.token-file", "", "file holding the bearer token every admin API request must carry (shared by all instances)"),
  API_ADVERTISED_HOST("api.advertised-host", "", "host the other instances reach this one's admin API by (application.server); default: api.bind"),
  SERDE_FORMAT("serde.format", "auto", "wire format of topic values: confluent, single-object, or auto (confluent when schema.registry.url is set); inputs are read in either"),
  SCHEMA_REGISTRY_URL("schema.registry.url", "", "Confluent API root of the schema registry, e.g. http://localhost:8085/apis/ccompat/v7 (no credentials in it)"),
  SCHEMA_REGISTRY_AUTO_REGISTER("schema.registry.auto-register", "true", "register the output schemas at start-up; false: only check they are registered"),
  SCHEMA_REGISTRY_USER("schema.registry.basic.auth.user", "", "basic-auth user for the registry (empty: none)"),
  SCHEMA_REGISTRY_PASSWORD("schema.registry.basic.auth.password", "", "basic-auth password for the registry; prefer GATEKEEPER_SCHEMA_REGISTRY_BASIC_AUTH_PASSWORD"),
  SCHEMA_REGISTRY_TRUSTSTORE_LOCATION("schema.registry.ssl.truststore.location", "", "trust store for a registry whose TLS certificate the JVM does not trust"),
  SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD("schema.registry.ssl.truststore.password", "", "password of that trust store"),
  SCHEMA_REGISTRY_TRUSTSTORE_TYPE("schema.registry.ssl.truststore.type", "PKCS12", "type of that trust store (PKCS12 or JKS)"),
  SCHEMA_REGISTRY_REQUEST_TIMEOUT("schema.registry.request.timeout.ms", "10000", "time-out of one registry request"),
  SCHEMA_REGISTRY_MAX_RETRIES("schema.registry.max.retries", "5", "retries of a registry request that got no answer or a 5xx, with backoff from 100 ms to 5 s"),
  HEALTH_PORT("health.port", "8081", "HTTP port of /health/live, /health/ready and /metrics on health.host; 0 disables"),
  HEALTH_HOST("health.host", "127.0.0.1", "address the health port listens on; 0.0.0.0 in a container, for probes and scrapers");

  /** Environment variable that carries the HMAC secret itself (never a flag: flags show in ps). */
  public static final String HMAC_SECRET_ENV = "GATEKEEPER_HMAC_SECRET";

  /** Prefix of client properties passed through to Kafka. */
  public static final String KAFKA_PREFIX = "kafka.";

  private final String key;
  private final String defaultValue;
  private final String description;

  ConfigKey(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The environment variable for this key: GATEKEEPER_ + the key upper-cased, '.' and '-' as '_'. */
  public String environmentVariable() {
    return "GATEKEEPER_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public static Optional<ConfigKey> byKey(String key) {
    return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
  }
}
