package dev.gatekeeper.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings tool's side of the gatekeeper's admin API ({@code openapi.yaml} in the service):
 * asks any instance for the impact of a candidate settings record; the instance forwards to the
 * org's owner. While the gatekeeper answers 503 (starting, rebalancing) it asks again after the
 * {@code Retry-After} it was given, for up to {@code patience}.
 */
public final class AdminApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The header naming the instance that answered (the service's {@code AdminApi.OWNER_HEADER}). */
  private static final String OWNER_HEADER = dev.gatekeeper.api.AdminApi.OWNER_HEADER;

  private final URI base;
  private final Optional<String> token;
  private final Duration patience;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The API cannot be reached, or did not answer in time; the message says what was tried. */
  public static final class Unreachable extends Exception {
    Unreachable(String message) {
      super(message);
    }
  }

  /** The API answered with an error the caller can act on (a bad token, an invalid candidate). */
  public static final class Refused extends Exception {
    private final int status;
    private final List<String> problems;

    Refused(int status, String message, List<String> problems) {
      super(message);
      this.status = status;
      this.problems = List.copyOf(problems);
    }

    public int status() {
      return status;
    }

    /** Every problem of an invalid candidate, as {@code field: message}. */
    public List<String> problems() {
      return problems;
    }
  }

  /** @param base e.g. {@code http://127.0.0.1:8090} */
  public AdminApiClient(URI base, Optional<String> token, Duration patience) {
    this.base = base;
    this.token = token;
    this.patience = patience;
  }

  public URI base() {
    return base;
  }

  /**
   * An answer of the API.
   *
   * @param answeredBy {@code host:port} of the instance that computed it (the org's owner)
   */
  public record Answer(JsonNode body, String answeredBy) {}

  /**
   * The preview of publishing {@code settings} (plain JSON; null for the org's tombstone) for
   * {@code orgId}: the API's JSON answer.
   */
  public Answer preview(String orgId, JsonNode settings) throws Unreachable, Refused, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.set("settings", settings == null ? JSON.nullNode() : settings);
    URI uri = base.resolve("/orgs/" + URLEncoder.encode(orgId, StandardCharsets.UTF_8).replace("+", "%20") + "/preview");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json");
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
    HttpRequest built = request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      HttpResponse<byte[]> response;
      try {
        response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new Unreachable("cannot reach the gatekeeper's admin API at " + base + " (" + e.getClass().getSimpleName() + ")");
      }
      JsonNode answer = parse(response.body());
      int status = response.statusCode();
      if (status == 200 && answer != null) {
        return new Answer(answer, response.headers().firstValue(OWNER_HEADER).orElse(base.getAuthority()));
      }
      String error = answer == null ? "no JSON answer" : answer.path("error").asText("no error message");
      if (status == 503) {
        long wait = response.headers().firstValue("Retry-After").map(AdminApiClient::seconds).orElse(1L);
        if (System.nanoTime() + wait * 1_000_000_000L > deadline) {
          throw new Unreachable("the gatekeeper's admin API at " + base + " could not answer within " + patience.toSeconds()
              + " s: " + error);
        }
        Thread.sleep(wait * 1000L); // the server's Retry-After, not a guess at when something finishes
        continue;
      }
      if (status == 502) {
        throw new Unreachable("the gatekeeper instance that owns the org (" + answer.path("owner").asText("?")
            + ") did not answer " + base + ": " + error);
      }
      List<String> problems = new ArrayList<>();
      if (answer != null) {
        answer.path("problems").forEach(p -> problems.add(p.path("field").asText() + ": " + p.path("message").asText()));
      }
      throw new Refused(status, "the gatekeeper's admin API at " + base + " answered " + status + ": " + error, problems);
    }
  }

  private static long seconds(String retryAfter) {
    try {
      return Math.max(1, Math.min(10, Long.parseLong(retryAfter.strip())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode n = JSON.readTree(body);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }
}
