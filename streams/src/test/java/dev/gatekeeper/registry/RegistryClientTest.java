package dev.gatekeeper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted HTTP server: retries, typed errors, caching, auth, secrets. */
class RegistryClientTest {
  private static final String SCHEMA = "{\"type\":\"string\"}";
  private static final String PASSWORD = "s3cret-pw";

  private HttpServer server;
  private final Deque<int[]> statuses = new ArrayDeque<>();
  private final Deque<String> bodies = new ArrayDeque<>();
  private final List<String> requests = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    int status = statuses.isEmpty() ? 500 : statuses.pop()[0];
    byte[] body = (bodies.isEmpty() ? "{}" : bodies.pop()).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  private void script(int status, String body) {
    statuses.add(new int[] {status});
    bodies.add(body);
  }

  private RegistrySettings settings() {
    return RegistrySettings.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7/"))
        .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(4));
  }

  @Test
  void registersUnderTheEncodedSubjectAndCachesTheIdAndTheSchema() {
    script(200, "{\"id\":7}");
    RegistryClient client = new RegistryClient(settings());

    assertThat(client.register("contributions value", SCHEMA)).isEqualTo(7);
    assertThat(client.register("contributions value", SCHEMA)).isEqualTo(7);
    assertThat(client.schemaById(7)).isEqualTo(SCHEMA);
    assertThat(requests).containsExactly("POST /apis/ccompat/v7/subjects/contributions%20value/versions");
  }

  @Test
  void looksUpAnIdOnceAndThenFromTheCache() {
    script(200, "{\"schema\":\"{\\\"type\\\":\\\"int\\\"}\"}");
    RegistryClient client = new RegistryClient(settings());

    assertThat(client.schemaById(3)).isEqualTo("{\"type\":\"int\"}");
    assertThat(client.schemaById(3)).isEqualTo("{\"type\":\"int\"}");
    assertThat(requests).hasSize(1);
  }

  @Test
  void retries5xxWithBackoffAndThenSucceeds() {
    script(503, "{}");
    script(502, "{}");
    script(200, "{\"schema\":\"\\\"int\\\"\"}");

    assertThat(new RegistryClient(settings()).schemaById(1)).isEqualTo("\"int\"");
    assertThat(requests).hasSize(3);
  }

  @Test
  void givesUpAfterTheRetryBudgetWithTheLastStatus() {
    script(503, "{}");
    script(503, "{}");
    script(503, "{}");
    script(200, "{\"schema\":\"\\\"int\\\"\"}");

    assertThatThrownBy(() -> new RegistryClient(settings()).schemaById(1))
        .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("3 attempt(s)");
    assertThat(requests).hasSize(3);
  }

  @Test
  void aRefusedConnectionIsRetriedAndThenReportedAsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RegistrySettings settings =
        RegistrySettings.of(URI.create("http://127.0.0.1:" + closedPort)).withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1));

    assertThatThrownBy(() -> new RegistryClient(settings).schemaById(1))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("2 attempt(s)");
  }

  @Test
  void errorAnswersBecomeTypedExceptionsWithTheConfluentCode() {
    script(404, "{\"error_code\":40403,\"message\":\"No content with id 9\"}");
    script(409, "{\"error_code\":409,\"message\":\"incompatible\"}");
    script(422, "{\"error_code\":42201,\"message\":\"bad schema\"}");
    script(403, "<html>forbidden</html>");
    RegistryClient client = new RegistryClient(settings());

    assertThatThrownBy(() -> client.schemaById(9))
        .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
    assertThatThrownBy(() -> client.register("s", SCHEMA)).isInstanceOf(IncompatibleSchemaException.class);
    assertThatThrownBy(() -> client.register("s", "nope"))
        .isInstanceOfSatisfying(InvalidSchemaException.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
    assertThatThrownBy(() -> client.schemaById(10))
        .isExactlyInstanceOf(RegistryException.class)
        .satisfies(e -> assertThat(((RegistryException) e).status()).isEqualTo(403));
  }

  @Test
  void aMissingSubjectIsEmptyNotAnError() {
    script(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
    script(200, "{\"subject\":\"s\",\"version\":2,\"id\":5,\"schema\":\"\\\"int\\\"\"}");
    RegistryClient client = new RegistryClient(settings());

    assertThat(client.latest("s")).isEmpty();
    assertThat(client.latest("s")).contains(new RegistryClient.SubjectVersion("s", 2, 5, "\"int\""));
  }

  @Test
  void setsASubjectsCompatibility() {
    script(200, "{\"compatibility\":\"BACKWARD\"}");

    new RegistryClient(settings()).setCompatibility("contributions-value", RegistryClient.Compatibility.BACKWARD);

    assertThat(requests).containsExactly("PUT /apis/ccompat/v7/config/contributions-value");
  }

  @Test
  void sendsBasicAuthButNeverShowsThePassword() {
    script(500, "{}");
    script(500, "{}");
    script(500, "{}");
    RegistrySettings settings = settings().withBasicAuth("svc", PASSWORD);

    assertThatThrownBy(() -> new RegistryClient(settings).schemaById(1))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    assertThat(authorizations.get(0)).isEqualTo("Basic c3ZjOnMzY3JldC1wdw==");
    assertThat(settings.toString()).doesNotContain(PASSWORD).contains("<redacted>");
  }

  @Test
  void aUrlWithCredentialsIsRefusedWithoutQuotingThem() {
    assertThatThrownBy(() -> RegistrySettings.of(URI.create("http://svc:" + PASSWORD + "@127.0.0.1:8085")))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
  }

  @Test
  void settingsAreReadFromConfluentStyleKeys() {
    RegistrySettings settings =
        RegistrySettings.from(java.util.Map.of(
            RegistrySettings.URL, "https://registry.example:8081/",
            RegistrySettings.USER, "svc",
            RegistrySettings.PASSWORD, PASSWORD,
            RegistrySettings.MAX_RETRIES, "3"));

    assertThat(settings.url()).isEqualTo(URI.create("https://registry.example:8081"));
    assertThat(settings.maxRetries()).isEqualTo(3);
    assertThat(settings.toString()).doesNotContain(PASSWORD);
  }
}
