package dev.gatekeeper.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry request with the retry policy: a connect error, an I/O error, a time-out or a 5xx
 * answer is retried up to {@link RegistrySettings#maxRetries()} times with exponential backoff;
 * any other answer is returned as is. Adds basic auth and the trust store when set.
 *
 * <p>Every request the client makes is idempotent (registering a schema twice gives the same
 * id), so retrying a request whose answer was lost is safe.
 */
final class RegistryHttp {
  /** An answer: status and body. */
  record Response(int status, String body) {}

  private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);
  /** Confluent's media type; Apicurio answers plain JSON, so both are accepted. */
  private static final String ACCEPT = "application/vnd.schemaregistry.v1+json, application/json";

  private final RegistrySettings settings;
  private final HttpClient http;
  private final Optional<String> authorization;

  RegistryHttp(RegistrySettings settings) {
    this.settings = settings;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.connectTimeout());
    settings.trustStore().ifPresent(store -> builder.sslContext(sslContext(store)));
    this.http = builder.build();
    this.authorization =
        settings.user().map(user -> "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + settings.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Sends {@code method path} with an optional JSON body, retrying as described above.
   *
   * @param path a path below the API root, already encoded, e.g. {@code /schemas/ids/1}
   * @throws RegistryUnavailableException when every attempt failed or answered 5xx
   */
  Response send(String method, String path, Optional<String> body) {
    URI uri = URI.create(settings.url() + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Accept", ACCEPT)
            .method(method, body.map(b -> HttpRequest.BodyPublishers.ofString(b, StandardCharsets.UTF_8))
                .orElse(HttpRequest.BodyPublishers.noBody()));
    // Plain JSON, which every registry with this API takes for a request body.
    body.ifPresent(b -> request.header("Content-Type", "application/json"));
    authorization.ifPresent(value -> request.header("Authorization", value));
    HttpRequest built = request.build();
    String what = method + " " + path;
    Duration backoff = settings.initialBackoff();
    for (int attempt = 0; ; attempt++) {
      String failure;
      Throwable cause = null;
      int status = -1;
      try {
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() < 500) {
          return new Response(response.statusCode(), response.body());
        }
        status = response.statusCode();
        failure = "HTTP " + status;
      } catch (IOException e) {
        cause = e;
        // The exception text names host and port at most; the URL carries no credentials.
        failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryUnavailableException("interrupted during " + what + " at " + settings.url(), -1, -1, e);
      }
      if (attempt >= settings.maxRetries()) {
        throw new RegistryUnavailableException(
            what + " at " + settings.url() + " failed after " + (attempt + 1) + " attempt(s); last: " + failure, status, -1, cause);
      }
      log.warn("registry {} failed ({}); retry {} of {} in {} ms", what, failure, attempt + 1, settings.maxRetries(), backoff.toMillis());
      sleep(backoff, what);
      backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
    }
  }

  private void sleep(Duration backoff, String what) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryUnavailableException("interrupted while retrying " + what + " at " + settings.url(), -1, -1, e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static SSLContext sslContext(RegistrySettings.TrustStore store) {
    char[] password = store.password().map(String::toCharArray).orElse(null);
    try (InputStream in = Files.newInputStream(store.location())) {
      KeyStore keyStore = KeyStore.getInstance(store.type());
      keyStore.load(in, password);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(keyStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      // The cause's text is the JDK's (e.g. "keystore password was incorrect"), never the password.
      throw new IllegalArgumentException("cannot load the registry trust store " + store.location() + " (" + store.type() + "): " + e.getMessage(), e);
    }
  }
}
