package dev.gatekeeper.policy;

import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What makes an org's settings record unusable: the one check the gatekeeper applies to every
 * settings record it reads (an unusable record makes the org undecidable and revokes all it
 * contributed: POLICY.md, SETTINGS_INVALID) and the settings tool applies before it publishes,
 * so a record the tool accepts is never refused by the service. Pure and total.
 */
public final class SettingsValidation {
  private SettingsValidation() {}

  /**
   * One problem: the field it is in ({@code orgId}, {@code products[2].siteId}, ...) and what is
   * wrong. The message never quotes a value other than the org ids compared.
   */
  public record Problem(String field, String message) {
    public Problem {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  /**
   * Every problem of {@code settings} published under the record key {@code keyOrgId}, in field
   * order; empty when the record is usable.
   */
  public static List<Problem> problems(String keyOrgId, OrgSettings settings) {
    List<Problem> problems = new ArrayList<>();
    if (!Objects.equals(keyOrgId, settings.getOrgId())) {
      problems.add(new Problem("orgId", "differs from the record key (the org the record is published for)"));
    }
    List<Product> products = settings.getProducts();
    for (int i = 0; i < products.size(); i++) {
      Product p = products.get(i);
      if (p.getSiteId() == null || p.getSiteId().isEmpty()) {
        problems.add(new Problem("products[" + i + "].siteId", "is empty; every product names its site"));
      }
      if (p.getApp() == null || p.getApp().isEmpty()) {
        problems.add(new Problem("products[" + i + "].app", "is empty; every product names its app"));
      }
    }
    return List.copyOf(problems);
  }

  /** The problems as one line, for a decision reason or a dead letter; null when there are none. */
  public static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (Problem p : problems) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(p);
    }
    return sb.toString();
  }
}
