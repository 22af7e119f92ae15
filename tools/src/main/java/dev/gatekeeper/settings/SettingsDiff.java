package dev.gatekeeper.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.schema.OrgSettings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A readable difference between two settings records, field by field, in schema order: changed
 * values as {@code field: old -> new}; products matched by site and app (not by position, so
 * reordering is no change) and shown added or removed whole; lists of scopes and offerings
 * compared as sets. Settings hold configuration, not personal data, so values are shown.
 */
public final class SettingsDiff {
  private SettingsDiff() {}

  /**
   * The lines of the difference from {@code before} (null: no record) to {@code after} (null: a
   * deletion); empty when they are equal.
   */
  public static List<String> lines(OrgSettings before, OrgSettings after) {
    List<String> out = new ArrayList<>();
    if (before == null && after == null) {
      return out;
    }
    if (before == null) {
      out.add("+ a new settings record (the org has none)");
    }
    if (after == null) {
      out.add("- the settings record: the org is deleted");
      return out;
    }
    JsonNode a = before == null ? null : PlainJson.toJson(before);
    JsonNode b = PlainJson.toJson(after);
    Iterator<String> fields = b.fieldNames();
    while (fields.hasNext()) {
      String field = fields.next();
      JsonNode old = a == null ? null : a.get(field);
      JsonNode now = b.get(field);
      if ("products".equals(field)) {
        products(old, now, out);
      } else if (now.isArray() || (old != null && old.isArray())) {
        set(field, old, now, out);
      } else if (now.isObject()) {
        Iterator<String> inner = now.fieldNames();
        while (inner.hasNext()) {
          String name = inner.next();
          JsonNode o = old == null ? null : old.get(name);
          JsonNode n = now.get(name);
          if (n.isArray()) {
            set(field + "." + name, o, n, out);
          } else {
            value(field + "." + name, o, n, out);
          }
        }
      } else {
        value(field, old, now, out);
      }
    }
    return out;
  }

  private static void value(String field, JsonNode old, JsonNode now, List<String> out) {
    if (old == null || !old.equals(now)) {
      out.add("  " + field + ": " + show(old) + " -> " + show(now));
    }
  }

  private static void set(String field, JsonNode old, JsonNode now, List<String> out) {
    Set<String> before = texts(old);
    Set<String> after = texts(now);
    for (String v : before) {
      if (!after.contains(v)) {
        out.add("- " + field + ": " + v);
      }
    }
    for (String v : after) {
      if (!before.contains(v)) {
        out.add("+ " + field + ": " + v);
      }
    }
  }

  private static void products(JsonNode old, JsonNode now, List<String> out) {
    Map<String, JsonNode> before = byProduct(old);
    Map<String, JsonNode> after = byProduct(now);
    for (Map.Entry<String, JsonNode> e : before.entrySet()) {
      if (!after.containsKey(e.getKey())) {
        out.add("- products[" + e.getKey() + "] " + describe(e.getValue()));
      }
    }
    for (Map.Entry<String, JsonNode> e : after.entrySet()) {
      JsonNode was = before.get(e.getKey());
      if (was == null) {
        out.add("+ products[" + e.getKey() + "] " + describe(e.getValue()));
        continue;
      }
      Iterator<String> names = e.getValue().fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals("siteId") && !name.equals("app")) {
          JsonNode o = was.get(name);
          JsonNode n = e.getValue().get(name);
          if (!n.equals(o)) {
            out.add("  products[" + e.getKey() + "]." + name + ": " + show(o) + " -> " + show(n));
          }
        }
      }
    }
  }

  private static Map<String, JsonNode> byProduct(JsonNode products) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (products != null) {
      for (JsonNode p : products) {
        out.put(p.path("siteId").asText() + "/" + p.path("app").asText(), p);
      }
    }
    return out;
  }

  private static String describe(JsonNode product) {
    return "(plan " + product.path("plan").asText() + (product.path("trial").asBoolean() ? ", trial" : "") + ")";
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new LinkedHashSet<>();
    if (array != null && array.isArray()) {
      array.forEach(v -> out.add(v.isTextual() ? v.textValue() : v.toString()));
    }
    return out;
  }

  private static String show(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    return v.isTextual() ? v.textValue() : v.toString();
  }
}
