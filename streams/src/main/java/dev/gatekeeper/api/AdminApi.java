package dev.gatekeeper.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatekeeper.config.ApiSettings;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.json.PlainJsonException;
import dev.gatekeeper.policy.SettingsValidation;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.state.IndexKeys;
import dev.gatekeeper.topology.RevocationRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API over HTTP ({@code openapi.yaml} beside this class): {@code GET
 * /orgs/{id}/policy}, {@code GET /orgs/{id}/contributions}, {@code POST /orgs/{id}/preview} and
 * {@code GET /openapi.yaml}.
 *
 * <p>An org owned by another instance is forwarded to it, once: a request that was already
 * forwarded and does not find the org here (ownership moved in between) is answered 503 with
 * {@code Retry-After}, as is any request while the owner is not known or its stores are not
 * queryable. Every org answer names the instance that gave it in {@value #OWNER_HEADER}; an owner
 * that does not answer a forward gives 502 with its address, so the caller can ask it directly.
 *
 * <p>With a token, every request must carry {@code Authorization: Bearer <token>}, and forwards
 * carry it too (all instances share one token file). Nothing is logged per request; failures are
 * logged by class only.
 */
public final class AdminApi implements AutoCloseable {
  /** The instance ({@code host:port}) that answered for the org. */
  public static final String OWNER_HEADER = "X-Gatekeeper-Owner";
  /** Set on a forwarded request (to the forwarder's address), so that it is never forwarded again. */
  public static final String FORWARDED_HEADER = "X-Gatekeeper-Forwarded";
  /** Largest preview body read; a settings record is a few kilobytes. */
  static final int MAX_BODY_BYTES = 1 << 20;
  /** Class-path location of the OpenAPI description. */
  public static final String OPENAPI_RESOURCE = "/dev/gatekeeper/api/openapi.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
  private static final Pattern ORG_PATH = Pattern.compile("/orgs/([^/]+)/(policy|contributions|preview)");
  private static final int MAX_ORG_ID_LENGTH = 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final OrgStates states;
  private final RevocationRules rules;
  private final Clock clock;
  private final Optional<String> token;
  private final String self;

  private AdminApi(HttpServer server, ExecutorService executor, OrgStates states, RevocationRules rules, Clock clock,
      Optional<String> token, String self) {
    this.server = server;
    this.executor = executor;
    this.states = states;
    this.rules = rules;
    this.clock = clock;
    this.token = token;
    this.self = self;
    // Its own threads: a forward waits on a server thread, and must not wait for one.
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Starts the API of a configured gatekeeper. */
  public static AdminApi start(ApiSettings settings, OrgStates states, RevocationRules rules, Clock clock) throws IOException {
    return start(settings.bind(), settings.port(), settings.advertisedHost(), settings.token(), states, rules, clock);
  }

  /**
   * Starts serving on {@code bind:port} (port 0 picks a free one).
   *
   * @param advertisedHost the host this instance is known by; with the bound port, its
   *     {@value #OWNER_HEADER}
   */
  public static AdminApi start(String bind, int port, String advertisedHost, Optional<String> token, OrgStates states,
      RevocationRules rules, Clock clock) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 0);
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "admin-api-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    AdminApi api = new AdminApi(server, executor, states, rules, clock, token,
        advertisedHost + ":" + server.getAddress().getPort());
    server.createContext("/", api::handle);
    server.setExecutor(executor);
    server.start();
    return api;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code host:port} this instance answers as. */
  public String self() {
    return self;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** A response to send: status, JSON body, extra headers. */
  private record Reply(int status, ObjectNode body, String owner, String retryAfter) {
    static Reply of(int status, ObjectNode body) {
      return new Reply(status, body, null, null);
    }

    static Reply unavailable(String why) {
      return new Reply(503, ApiJson.error(why + "; retry shortly"), null, "1");
    }
  }

  private void handle(HttpExchange ex) {
    try (ex) {
      try {
        if (!authorized(ex)) {
          ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"gatekeeper\"");
          send(ex, Reply.of(401, ApiJson.error("send the API token: Authorization: Bearer <contents of api.token-file>")));
          return;
        }
        String path = ex.getRequestURI().getRawPath();
        if (path.equals("/openapi.yaml")) {
          openApi(ex);
          return;
        }
        Matcher m = ORG_PATH.matcher(path);
        if (!m.matches()) {
          send(ex, Reply.of(404, ApiJson.error("no such resource; see GET /openapi.yaml")));
          return;
        }
        send(ex, org(ex, m.group(1), m.group(2)));
      } catch (StateUnavailable e) {
        send(ex, Reply.unavailable(e.getMessage()));
      } catch (RuntimeException e) {
        LOG.warn("Admin API request failed with {}", e.getClass().getName());
        send(ex, Reply.of(500, ApiJson.error("internal error (" + e.getClass().getSimpleName() + "); see the gatekeeper's log")));
      }
    } catch (IOException e) {
      LOG.debug("Admin API response not sent ({})", e.getClass().getName());
    }
  }

  private Reply org(HttpExchange ex, String rawOrgId, String resource) throws IOException {
    String method = ex.getRequestMethod();
    String allowed = resource.equals("preview") ? "POST" : "GET";
    if (!method.equals(allowed)) {
      ex.getResponseHeaders().set("Allow", allowed);
      return Reply.of(405, ApiJson.error(resource + " takes " + allowed));
    }
    String orgId = URLDecoder.decode(rawOrgId.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (!IndexKeys.isUsableOrgId(orgId) || orgId.length() > MAX_ORG_ID_LENGTH) {
      return Reply.of(400, ApiJson.error("the org id in the path is empty, too long, or contains NUL"));
    }
    byte[] body = null;
    Candidate candidate = null;
    if (resource.equals("preview")) {
      body = ex.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        return Reply.of(413, ApiJson.error("the body is larger than " + MAX_BODY_BYTES + " bytes"));
      }
      try {
        candidate = candidate(orgId, body);
      } catch (Refused r) {
        return r.reply;
      }
    }
    OrgStates.Located located = states.locate(orgId);
    if (located instanceof OrgStates.Unavailable u) {
      return Reply.unavailable(u.why());
    }
    if (located instanceof OrgStates.Elsewhere e) {
      if (ex.getRequestHeaders().containsKey(FORWARDED_HEADER)) {
        return Reply.unavailable("the org's owner changed while the request was forwarded");
      }
      return forward(ex, e.hostPort(), body);
    }
    OrgSnapshot org = ((OrgStates.Here) located).snapshot();
    long now = clock.millis();
    ObjectNode answer = switch (resource) {
      case "policy" -> ApiJson.policy(PolicyView.of(rules, orgId, org.history(), now));
      case "contributions" -> ApiJson.contributions(ContributionCounts.of(orgId, org));
      default -> ApiJson.preview(Preview.of(rules, orgId, org, candidate.settings(), now));
    };
    return new Reply(200, answer, self, null);
  }

  /** A preview's candidate: settings, or null for the org's deletion. */
  private record Candidate(OrgSettings settings) {}

  /** A request refused before any state is read, with the reply that says why. */
  private static final class Refused extends Exception {
    private final transient Reply reply;

    Refused(Reply reply) {
      super(null, null, false, false);
      this.reply = reply;
    }
  }

  /** The candidate of a preview body; refused with 400 when it is not a usable settings record. */
  private static Candidate candidate(String orgId, byte[] body) throws Refused {
    JsonNode root;
    try {
      root = ApiJson.read(body);
    } catch (IOException e) {
      throw new Refused(Reply.of(400, ApiJson.error("the body is not JSON")));
    }
    if (root == null || !root.isObject() || !root.has("settings")) {
      throw new Refused(Reply.of(400, ApiJson.error(
          "the body must be {\"settings\": <OrgSettings as plain JSON>}, or {\"settings\": null} to preview the org's deletion")));
    }
    JsonNode node = root.get("settings");
    if (node.isNull()) {
      return new Candidate(null);
    }
    List<PlainJsonException> shape = PlainJson.problems(node, OrgSettings.class);
    if (!shape.isEmpty()) {
      throw new Refused(Reply.of(400, ApiJson.invalidSettings(
          shape.stream().map(e -> new SettingsValidation.Problem(e.path(), e.problem())).toList())));
    }
    OrgSettings settings;
    try {
      settings = PlainJson.fromJson(node, OrgSettings.class);
    } catch (PlainJsonException e) {
      throw new IllegalStateException("PlainJson.problems found nothing but fromJson failed at " + e.path(), e);
    }
    List<SettingsValidation.Problem> problems = SettingsValidation.problems(orgId, settings);
    if (!problems.isEmpty()) {
      throw new Refused(Reply.of(400, ApiJson.invalidSettings(problems)));
    }
    return new Candidate(settings);
  }

  private Reply forward(HttpExchange ex, String owner, byte[] body) {
    String pathAndQuery = ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + owner + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .header(FORWARDED_HEADER, self);
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    if (body != null) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.GET();
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return ownerSilent(owner);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ownerSilent(owner);
    }
    ObjectNode answer;
    try {
      JsonNode parsed = ApiJson.read(response.body());
      answer = parsed instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      answer = null;
    }
    if (answer == null) {
      return ownerSilent(owner);
    }
    return new Reply(response.statusCode(), answer, response.headers().firstValue(OWNER_HEADER).orElse(owner),
        response.headers().firstValue("Retry-After").orElse(null));
  }

  private static Reply ownerSilent(String owner) {
    ObjectNode body = ApiJson.error("the instance that owns this org did not answer; retry, or ask it directly");
    body.put("owner", owner);
    return new Reply(502, body, owner, null);
  }

  private boolean authorized(HttpExchange ex) {
    if (token.isEmpty()) {
      return true;
    }
    String header = ex.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.get().getBytes(StandardCharsets.UTF_8));
  }

  private static void openApi(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("GET")) {
      ex.getResponseHeaders().set("Allow", "GET");
      send(ex, Reply.of(405, ApiJson.error("openapi.yaml takes GET")));
      return;
    }
    byte[] yaml;
    try (InputStream in = AdminApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        send(ex, Reply.of(404, ApiJson.error("this build has no OpenAPI description")));
        return;
      }
      yaml = in.readAllBytes();
    }
    ex.getResponseHeaders().set("Content-Type", "application/yaml; charset=utf-8");
    ex.sendResponseHeaders(200, yaml.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(yaml);
    }
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    byte[] bytes = ApiJson.MAPPER.writeValueAsBytes(reply.body());
    ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    if (reply.owner() != null) {
      ex.getResponseHeaders().set(OWNER_HEADER, reply.owner());
    }
    if (reply.retryAfter() != null) {
      ex.getResponseHeaders().set("Retry-After", reply.retryAfter());
    }
    ex.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
