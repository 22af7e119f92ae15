package dev.gatekeeper.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatekeeper.policy.SettingsValidation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The admin API's JSON bodies, as {@code openapi.yaml} describes them. Times are ISO-8601 instants. */
final class ApiJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private ApiJson() {}

  static ObjectNode policy(PolicyView v) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("orgId", v.orgId());
    o.put("state", v.state());
    putTime(o, "settingsVersion", v.settingsVersion());
    o.put("highestPlan", v.highestPlan() == null ? null : v.highestPlan().name());
    o.put("cloudEnvironment", v.cloudEnvironment());
    o.put("residencyRegion", v.residencyRegion());
    o.put("excluded", !v.exclusions().isEmpty());
    ArrayNode why = o.putArray("exclusions");
    v.exclusions().forEach(why::add);
    o.put("metadataContribution", v.metadataContribution() == null ? "PLAN_DEFAULT" : v.metadataContribution().name());
    o.put("inAppContribution", v.inAppContribution() == null ? "PLAN_DEFAULT" : v.inAppContribution().name());
    ObjectNode exceptions = o.putObject("inAppExceptions");
    exceptions.put("included", v.inAppIncluded());
    exceptions.put("excluded", v.inAppExcluded());
    ArrayNode contributes = o.putArray("contributes");
    v.contributes().forEach((pair, reason) -> {
      ObjectNode c = pair(pair);
      c.put("contributed", reason == dev.gatekeeper.policy.Reason.CONTRIBUTED);
      c.put("reason", reason.name());
      contributes.add(c);
    });
    ArrayNode windows = o.putArray("reviewWindows");
    v.reviewWindow().ifPresent(w -> windows.add(window(w)));
    return o;
  }

  static ObjectNode contributions(ContributionCounts c) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("orgId", c.orgId());
    o.put("total", c.total());
    ObjectNode byType = o.putObject("byDataType");
    c.byDataType().forEach((type, apps) -> {
      ObjectNode t = byType.putObject(type.name());
      apps.forEach(t::put);
    });
    return o;
  }

  static ObjectNode preview(Preview p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("orgId", p.orgId());
    o.put("currentState", p.currentState());
    putTime(o, "currentVersion", p.currentVersion());
    putTime(o, "candidateVersion", p.candidateVersion());
    o.put("deletion", p.deletion());
    o.put("ignored", p.ignoredBecause() != null);
    o.put("ignoredBecause", p.ignoredBecause());
    o.put("liveContributions", p.liveContributions());
    ObjectNode revocations = o.putObject("revocations");
    revocations.put("total", p.revocationTotal());
    ObjectNode byReason = revocations.putObject("byReason");
    p.revocations().forEach((reason, n) -> byReason.put(reason.name(), n));
    ObjectNode window = o.putObject("reviewWindow");
    window.put("opens", p.opensReviewWindow());
    Optional<ReviewWindow> w = p.reviewWindow();
    putTime(window, "until", w.map(ReviewWindow::until).orElse(null));
    window.put("fromPlan", w.map(x -> x.fromPlan() == null ? null : x.fromPlan().name()).orElse(null));
    window.put("toPlan", w.map(x -> x.toPlan() == null ? null : x.toPlan().name()).orElse(null));
    o.set("startsContributing", pairs(p.starts()));
    o.set("stopsContributing", pairs(p.stops()));
    o.set("startsAfterReviewWindow", pairs(p.startsAfterReviewWindow()));
    return o;
  }

  static ObjectNode error(String message) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("error", message);
    return o;
  }

  /** 400 for a candidate that is not a usable settings record: every problem, by field. */
  static ObjectNode invalidSettings(List<SettingsValidation.Problem> problems) {
    ObjectNode o = error("the candidate settings record is invalid; the gatekeeper would treat the org as undecidable");
    ArrayNode list = o.putArray("problems");
    for (SettingsValidation.Problem p : problems) {
      list.addObject().put("field", p.field()).put("message", p.message());
    }
    return o;
  }

  private static ObjectNode window(ReviewWindow w) {
    ObjectNode o = MAPPER.createObjectNode();
    putTime(o, "openedAt", w.openedAt());
    putTime(o, "until", w.until());
    o.put("fromPlan", w.fromPlan() == null ? null : w.fromPlan().name());
    o.put("toPlan", w.toPlan() == null ? null : w.toPlan().name());
    return o;
  }

  private static ArrayNode pairs(Collection<AppDataType> pairs) {
    ArrayNode a = MAPPER.createArrayNode();
    pairs.forEach(p -> a.add(pair(p)));
    return a;
  }

  private static ObjectNode pair(AppDataType p) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("app", p.app());
    o.put("dataType", p.dataType().name());
    return o;
  }

  private static void putTime(ObjectNode o, String field, Long millis) {
    if (millis == null) {
      o.putNull(field);
    } else {
      o.put(field, Instant.ofEpochMilli(millis).toString());
    }
  }

  static JsonNode read(byte[] body) throws java.io.IOException {
    return MAPPER.readTree(body);
  }
}
