package dev.gatekeeper.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach a schema registry's Confluent API: its URL, optional basic-auth credentials and
 * trust store, time-outs and the retry budget.
 *
 * <p>{@link #toString()} never shows the password or the trust-store password, and the URL may
 * not carry credentials ({@code user:pass@host}), since URLs end up in logs and messages.
 *
 * @param url the API root, e.g. {@code http://127.0.0.1:8085/apis/ccompat/v7}
 * @param user the basic-auth user, or empty for none
 * @param password the basic-auth password, used only when {@code user} is present
 * @param trustStore a trust store for a registry whose certificate the JVM does not trust
 * @param connectTimeout the TCP/TLS connect time-out of every attempt
 * @param requestTimeout the time-out of one attempt, from sending to the full answer
 * @param maxRetries how many times a connect error or 5xx answer is retried (0: never)
 * @param initialBackoff the pause before the first retry; it doubles on each next one
 * @param maxBackoff the longest pause between attempts
 */
public record RegistrySettings(
    URI url,
    Optional<String> user,
    Optional<String> password,
    Optional<TrustStore> trustStore,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxRetries,
    Duration initialBackoff,
    Duration maxBackoff) {

  /** Setting keys read by {@link #from(Map)}; the names follow Confluent's client settings. */
  public static final String URL = "schema.registry.url";
  public static final String USER = "schema.registry.basic.auth.user";
  public static final String PASSWORD = "schema.registry.basic.auth.password";
  public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
  public static final String MAX_RETRIES = "schema.registry.max.retries";

  /**
   * A trust store file.
   *
   * @param type a {@link java.security.KeyStore} type such as {@code PKCS12} or {@code JKS}
   */
  public record TrustStore(Path location, Optional<String> password, String type) {
    public TrustStore {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
      return "TrustStore[location=" + location + ", type=" + type + ", password=" + (password.isPresent() ? "<redacted>" : "none") + "]";
    }
  }

  public RegistrySettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(trustStore, "trustStore");
    if (url.getRawUserInfo() != null) {
      // Not quoting the URL: it is the secret.
      throw new IllegalArgumentException("the registry URL must not contain credentials; set " + USER + " and " + PASSWORD + " instead");
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("the registry URL must start with http:// or https://, not " + url.getScheme() + ":");
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("the registry retry count must be 0 or more, not " + maxRetries);
    }
    String trimmed = url.toString().replaceAll("/+$", "");
    url = URI.create(trimmed);
  }

  /** Defaults for {@code url}: 5 s connect, 10 s per request, 5 retries from 100 ms up to 5 s. */
  public static RegistrySettings of(URI url) {
    return new RegistrySettings(
        url, Optional.empty(), Optional.empty(), Optional.empty(),
        Duration.ofSeconds(5), Duration.ofSeconds(10), 5, Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  /**
   * Settings from the keys above; only {@value #URL} is required.
   *
   * @throws IllegalArgumentException naming the key (never a secret value) that is missing or bad
   */
  public static RegistrySettings from(Map<String, String> settings) {
    String url = settings.get(URL);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(URL + " is not set");
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      // Not quoting the URL: it may carry credentials.
      throw new IllegalArgumentException(URL + " is not a valid URL; give the registry's API root such as http://localhost:8085/apis/ccompat/v7");
    }
    RegistrySettings defaults = of(uri);
    Optional<TrustStore> trustStore =
        Optional.ofNullable(settings.get(TRUSTSTORE_LOCATION))
            .map(location -> new TrustStore(
                Path.of(location),
                Optional.ofNullable(settings.get(TRUSTSTORE_PASSWORD)),
                settings.getOrDefault(TRUSTSTORE_TYPE, "PKCS12")));
    return new RegistrySettings(
        defaults.url(),
        Optional.ofNullable(settings.get(USER)),
        Optional.ofNullable(settings.get(PASSWORD)),
        trustStore,
        defaults.connectTimeout(),
        Optional.ofNullable(settings.get(REQUEST_TIMEOUT_MS)).map(v -> Duration.ofMillis(number(REQUEST_TIMEOUT_MS, v))).orElse(defaults.requestTimeout()),
        Optional.ofNullable(settings.get(MAX_RETRIES)).map(v -> (int) number(MAX_RETRIES, v)).orElse(defaults.maxRetries()),
        defaults.initialBackoff(),
        defaults.maxBackoff());
  }

  /** A copy with basic-auth credentials. */
  public RegistrySettings withBasicAuth(String user, String password) {
    return new RegistrySettings(url, Optional.of(user), Optional.of(password), trustStore, connectTimeout, requestTimeout, maxRetries, initialBackoff, maxBackoff);
  }

  /** A copy with another retry budget. */
  public RegistrySettings withRetries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    return new RegistrySettings(url, user, password, trustStore, connectTimeout, requestTimeout, maxRetries, initialBackoff, maxBackoff);
  }

  /** A copy with another per-request time-out. */
  public RegistrySettings withRequestTimeout(Duration requestTimeout) {
    return new RegistrySettings(url, user, password, trustStore, connectTimeout, requestTimeout, maxRetries, initialBackoff, maxBackoff);
  }

  private static long number(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
    }
  }

  @Override
  public String toString() {
    return "RegistrySettings[url=" + url + ", user=" + user.orElse("none")
        + ", password=" + (password.isPresent() ? "<redacted>" : "none") + ", trustStore=" + trustStore.map(TrustStore::toString).orElse("none")
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", maxRetries=" + maxRetries + "]";
  }
}
