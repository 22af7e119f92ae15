package dev.gatekeeper.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin API's preview ({@code POST /orgs/{id}/preview}) as lines a person reads before
 * confirming: how many live contributions would be revoked and why, which review window the change
 * opens, and what starts or stops being contributed.
 */
public final class ImpactReport {
  private ImpactReport() {}

  /** How many live contributions the change would revoke. */
  public static long revocations(JsonNode preview) {
    return preview.path("revocations").path("total").asLong();
  }

  /** Why the gatekeeper would ignore the record, or null when it would apply it. */
  public static String ignoredBecause(JsonNode preview) {
    return preview.path("ignored").asBoolean() ? preview.path("ignoredBecause").asText("it is stale") : null;
  }

  public static List<String> lines(JsonNode p, String answeredBy) {
    List<String> out = new ArrayList<>();
    out.add("impact now (computed by the gatekeeper instance that owns the org, " + answeredBy + ", from its "
        + p.path("liveContributions").asLong() + " live contributions):");
    String ignored = ignoredBecause(p);
    if (ignored != null) {
      out.add("  ignored: " + ignored);
      return out;
    }
    long total = revocations(p);
    StringBuilder revokes = new StringBuilder("  revokes " + total + " live contribution" + (total == 1 ? "" : "s"));
    if (total > 0) {
      List<String> reasons = new ArrayList<>();
      p.path("revocations").path("byReason").fields().forEachRemaining(e -> reasons.add(e.getKey() + " " + e.getValue().asLong()));
      revokes.append(": ").append(String.join(", ", reasons));
    }
    out.add(revokes.toString());
    JsonNode w = p.path("reviewWindow");
    if (w.path("opens").asBoolean()) {
      out.add("  review window: opens until " + w.path("until").asText() + " (highest plan " + w.path("fromPlan").asText()
          + " -> " + w.path("toPlan").asText() + "); what the plan before forbade waits until then");
    } else if (!w.path("until").isNull() && !w.path("until").isMissingNode()) {
      out.add("  review window: none opened; the one open until " + w.path("until").asText() + " stays");
    } else {
      out.add("  review window: none opened");
    }
    out.add("  starts contributing: " + pairs(p.path("startsContributing")));
    out.add("  stops contributing: " + pairs(p.path("stopsContributing")));
    if (p.path("startsAfterReviewWindow").size() > 0) {
      out.add("  starts when the review window ends: " + pairs(p.path("startsAfterReviewWindow")));
    }
    return out;
  }

  private static String pairs(JsonNode list) {
    if (list.size() == 0) {
      return "nothing";
    }
    List<String> out = new ArrayList<>();
    list.forEach(x -> out.add(x.path("app").asText() + " " + x.path("dataType").asText()));
    return String.join(", ", out);
  }
}
