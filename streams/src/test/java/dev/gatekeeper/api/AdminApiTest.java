package dev.gatekeeper.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.Placement;
import dev.gatekeeper.policy.Policy;
import dev.gatekeeper.policy.PolicyConfig;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.state.IndexEntry;
import dev.gatekeeper.topology.RevocationRules;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API over HTTP on fake org states: its routes, bodies and status codes, the bearer
 * token, forwarding between two instances, and that no response carries a payload value.
 */
class AdminApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "test-token-0123456789abcdef";
  /** Identifiers and names that must never appear in a response. */
  private static final List<String> CANARIES =
      List.of("site-canary", "container-canary", "connector-canary", "event-canary", "offering-canary");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-03T12:00:00Z"), ZoneOffset.UTC);
  private static final RevocationRules RULES = new RevocationRules(new Policy(PolicyConfig.defaults()), Placement.off());

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AdminApi> apis = new ArrayList<>();

  @AfterEach
  void stop() {
    apis.forEach(AdminApi::close);
  }

  /** Org states held in memory: each org is here, elsewhere, or unavailable. */
  private static final class FakeStates implements OrgStates {
    final Map<String, Located> orgs = new HashMap<>();

    @Override
    public Located locate(String orgId) {
      return orgs.getOrDefault(orgId, new Here(snapshot(OrgHistory.empty(), List.of())));
    }
  }

  private static OrgSnapshot snapshot(OrgHistory history, List<IndexEntry> live) {
    return new OrgSnapshot() {
      @Override
      public OrgHistory history() {
        return history;
      }

      @Override
      public void forEachLive(Consumer<IndexEntry> each) {
        live.forEach(each);
      }
    };
  }

  private static String settingsJson(String orgId, String updatedAt, String inApp) {
    return """
        {"orgId": "%s", "cloudEnvironment": "COMMERCIAL",
         "products": [{"siteId": "site-canary-1", "app": "jira", "plan": "STANDARD", "trial": false},
                      {"siteId": "site-canary-1", "app": "confluence", "plan": "STANDARD", "trial": false}],
         "compliance": {"hipaa": false, "governmentEntity": false, "educationalInstitution": false,
                        "regulatedFinancialServices": false, "excludedOfferings": []},
         "inAppContribution": %s, "inAppExcluded": ["container:container-canary-2"],
         "inAppIncluded": ["connector:connector-canary-3"], "updatedAt": "%s"}
        """.formatted(orgId, inApp == null ? "null" : "\"" + inApp + "\"", updatedAt);
  }

  private static OrgSettings settings(String json) throws Exception {
    return PlainJson.fromJson(JSON.readTree(json), OrgSettings.class);
  }

  private static IndexEntry entry(String app, DataType type, int n) {
    EventFacts facts = new EventFacts("site-canary-1", app, null, null, Hosting.CLOUD, type, "container-canary-9",
        Instant.parse("2026-09-02T10:00:00Z").toEpochMilli());
    return new IndexEntry("event-canary-" + app + type + n, facts, null);
  }

  /** acme: Standard jira and confluence, with two in-app and one metadata contribution of each. */
  private static OrgStates.Here acme() throws Exception {
    OrgHistory h = OrgHistory.empty().append(settings(settingsJson("acme", "2026-09-01T00:00:00Z", null)));
    List<IndexEntry> live = new ArrayList<>();
    for (String app : List.of("jira", "confluence")) {
      live.add(entry(app, DataType.IN_APP, 1));
      live.add(entry(app, DataType.IN_APP, 2));
      live.add(entry(app, DataType.METADATA, 1));
    }
    return new OrgStates.Here(snapshot(h, live));
  }

  private AdminApi start(OrgStates states, Optional<String> token) throws Exception {
    AdminApi api = AdminApi.start("127.0.0.1", 0, "127.0.0.1", token, states, RULES, CLOCK);
    apis.add(api);
    return api;
  }

  private HttpResponse<String> get(AdminApi api, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(AdminApi api, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode body(HttpResponse<String> r) throws Exception {
    for (String canary : CANARIES) {
      assertThat(r.body()).as("a response never carries payload values").doesNotContain(canary);
    }
    return JSON.readTree(r.body());
  }

  @Test
  void answersAnOrgsPolicyFromItsHistory() throws Exception {
    FakeStates states = new FakeStates();
    states.orgs.put("acme", acme());
    AdminApi api = start(states, Optional.empty());
    HttpResponse<String> r = get(api, "/orgs/acme/policy", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue(AdminApi.OWNER_HEADER)).hasValue(api.self());
    JsonNode p = body(r);
    assertThat(p.get("orgId").asText()).isEqualTo("acme");
    assertThat(p.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(p.get("settingsVersion").asText()).isEqualTo("2026-09-01T00:00:00Z");
    assertThat(p.get("highestPlan").asText()).isEqualTo("STANDARD");
    assertThat(p.get("excluded").asBoolean()).isFalse();
    assertThat(p.get("inAppContribution").asText()).isEqualTo("PLAN_DEFAULT");
    assertThat(p.get("inAppExceptions").get("excluded").asInt()).isEqualTo(1);
    assertThat(p.get("contributes")).hasSize(4).allSatisfy(c -> assertThat(c.get("contributed").asBoolean()).isTrue());
    assertThat(p.get("reviewWindows")).isEmpty();
  }

  @Test
  void countsLiveContributionsByDataTypeAndApp() throws Exception {
    FakeStates states = new FakeStates();
    states.orgs.put("acme", acme());
    JsonNode c = body(get(start(states, Optional.empty()), "/orgs/acme/contributions", null));
    assertThat(c.get("total").asLong()).isEqualTo(6);
    assertThat(c.get("byDataType").get("IN_APP").get("jira").asLong()).isEqualTo(2);
    assertThat(c.get("byDataType").get("METADATA").get("confluence").asLong()).isEqualTo(1);
  }

  @Test
  void previewsTheRevocationsOfACandidateByReason() throws Exception {
    FakeStates states = new FakeStates();
    states.orgs.put("acme", acme());
    AdminApi api = start(states, Optional.empty());
    HttpResponse<String> r = post(api, "/orgs/acme/preview",
        "{\"settings\": " + settingsJson("acme", "2026-09-03T00:00:00Z", "OFF") + "}", null);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode p = body(r);
    assertThat(p.get("currentVersion").asText()).isEqualTo("2026-09-01T00:00:00Z");
    assertThat(p.get("ignored").asBoolean()).isFalse();
    assertThat(p.get("liveContributions").asLong()).isEqualTo(6);
    assertThat(p.get("revocations").get("total").asLong()).isEqualTo(4);
    assertThat(p.get("revocations").get("byReason").get("IN_APP_OFF").asLong()).isEqualTo(4);
    assertThat(p.get("reviewWindow").get("opens").asBoolean()).isFalse();
    assertThat(p.get("stopsContributing").toString())
        .isEqualTo("[{\"app\":\"confluence\",\"dataType\":\"IN_APP\"},{\"app\":\"jira\",\"dataType\":\"IN_APP\"}]");
    assertThat(p.get("startsContributing")).isEmpty();

    JsonNode deletion = body(post(api, "/orgs/acme/preview", "{\"settings\": null}", null));
    assertThat(deletion.get("deletion").asBoolean()).isTrue();
    assertThat(deletion.get("revocations").get("byReason").get("ORG_DELETED").asLong()).isEqualTo(6);

    JsonNode stale = body(post(api, "/orgs/acme/preview",
        "{\"settings\": " + settingsJson("acme", "2026-08-01T00:00:00Z", "OFF") + "}", null));
    assertThat(stale.get("ignored").asBoolean()).isTrue();
    assertThat(stale.get("ignoredBecause").asText()).contains("older than the current version");
    assertThat(stale.get("revocations").get("total").asLong()).isZero();
  }

  @Test
  void refusesAnInvalidCandidateListingEveryProblemByField() throws Exception {
    AdminApi api = start(new FakeStates(), Optional.empty());
    String invalid = settingsJson("other-org", "2026-09-03T00:00:00Z", null)
        .replace("\"siteId\": \"site-canary-1\", \"app\": \"jira\"", "\"siteId\": \"\", \"app\": \"jira\"")
        .replace("\"app\": \"confluence\"", "\"app\": \"\"");
    HttpResponse<String> r = post(api, "/orgs/acme/preview", "{\"settings\": " + invalid + "}", null);
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode problems = body(r).get("problems");
    assertThat(problems.findValuesAsText("field")).containsExactly("orgId", "products[0].siteId", "products[1].app");

    HttpResponse<String> shape = post(api, "/orgs/acme/preview", "{\"settings\": {\"orgId\": \"acme\", \"products\": 3}}", null);
    assertThat(shape.statusCode()).isEqualTo(400);
    assertThat(body(shape).get("problems").findValuesAsText("field")).contains("cloudEnvironment", "products", "compliance", "updatedAt");
    assertThat(post(api, "/orgs/acme/preview", "not json", null).statusCode()).isEqualTo(400);
    assertThat(post(api, "/orgs/acme/preview", "{\"candidate\": {}}", null).statusCode()).isEqualTo(400);
  }

  @Test
  void requiresTheBearerTokenWhenOneIsConfigured() throws Exception {
    FakeStates states = new FakeStates();
    states.orgs.put("acme", acme());
    AdminApi api = start(states, Optional.of(TOKEN));
    HttpResponse<String> none = get(api, "/orgs/acme/policy", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(get(api, "/orgs/acme/policy", TOKEN + "x").statusCode()).isEqualTo(401);
    assertThat(post(api, "/orgs/acme/preview", "{\"settings\": null}", "wrong").statusCode()).isEqualTo(401);
    assertThat(get(api, "/orgs/acme/policy", TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void answers503WithRetryAfterWhileNoInstanceCanAnswer() throws Exception {
    FakeStates states = new FakeStates();
    states.orgs.put("acme", new OrgStates.Unavailable("the gatekeeper is rebalancing"));
    HttpResponse<String> r = get(start(states, Optional.empty()), "/orgs/acme/contributions", null);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(body(r).get("error").asText()).contains("rebalancing");
  }

  @Test
  void forwardsAnOrgOwnedByAnotherInstanceWithTheToken() throws Exception {
    FakeStates ownerStates = new FakeStates();
    ownerStates.orgs.put("acme", acme());
    AdminApi owner = start(ownerStates, Optional.of(TOKEN));
    FakeStates otherStates = new FakeStates();
    otherStates.orgs.put("acme", new OrgStates.Elsewhere(owner.self()));
    AdminApi other = start(otherStates, Optional.of(TOKEN));

    for (String path : List.of("/orgs/acme/policy", "/orgs/acme/contributions")) {
      HttpResponse<String> direct = get(owner, path, TOKEN);
      HttpResponse<String> forwarded = get(other, path, TOKEN);
      assertThat(forwarded.statusCode()).isEqualTo(200);
      assertThat(forwarded.body()).isEqualTo(direct.body());
      assertThat(forwarded.headers().firstValue(AdminApi.OWNER_HEADER)).hasValue(owner.self());
    }
    HttpResponse<String> preview = post(other, "/orgs/acme/preview",
        "{\"settings\": " + settingsJson("acme", "2026-09-03T00:00:00Z", "OFF") + "}", TOKEN);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(body(preview).get("revocations").get("total").asLong()).isEqualTo(4);
    assertThat(preview.headers().firstValue(AdminApi.OWNER_HEADER)).hasValue(owner.self());
  }

  @Test
  void neverForwardsARequestTwice() throws Exception {
    FakeStates aStates = new FakeStates();
    FakeStates bStates = new FakeStates();
    AdminApi a = start(aStates, Optional.empty());
    AdminApi b = start(bStates, Optional.empty());
    aStates.orgs.put("acme", new OrgStates.Elsewhere(b.self()));
    bStates.orgs.put("acme", new OrgStates.Elsewhere(a.self()));
    HttpResponse<String> r = get(a, "/orgs/acme/policy", null);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void saysWhereTheOwnerIsWhenItDoesNotAnswer() throws Exception {
    FakeStates states = new FakeStates();
    states.orgs.put("acme", new OrgStates.Elsewhere("127.0.0.1:1"));
    HttpResponse<String> r = get(start(states, Optional.empty()), "/orgs/acme/policy", null);
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(body(r).get("owner").asText()).isEqualTo("127.0.0.1:1");
  }

  @Test
  void decodesTheOrgIdAndRefusesWhatIsNoResource() throws Exception {
    FakeStates states = new FakeStates();
    states.orgs.put("a/b c+d", acme());
    AdminApi api = start(states, Optional.empty());
    String encoded = URLEncoder.encode("a/b c+d", StandardCharsets.UTF_8).replace("+", "%20");
    assertThat(body(get(api, "/orgs/" + encoded + "/contributions", null)).get("total").asLong()).isEqualTo(6);
    assertThat(get(api, "/orgs/acme/settings", null).statusCode()).isEqualTo(404);
    assertThat(get(api, "/orgs/acme/preview", null).statusCode()).isEqualTo(405);
    assertThat(post(api, "/orgs/acme/policy", "{}", null).statusCode()).isEqualTo(405);
    assertThat(get(api, "/orgs/%00/policy", null).statusCode()).isEqualTo(400);
  }

  @Test
  void servesItsOpenApiDescription() throws Exception {
    HttpResponse<String> r = get(start(new FakeStates(), Optional.empty()), "/openapi.yaml", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("openapi: 3").contains("/orgs/{orgId}/preview:", "/orgs/{orgId}/policy:",
        "/orgs/{orgId}/contributions:");
  }
}
