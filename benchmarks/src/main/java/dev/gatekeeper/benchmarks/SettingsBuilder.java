package dev.gatekeeper.benchmarks;

import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.Compliance;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a commercial, non-excluded org with no products and plan defaults, in the style of
 * the tests' fixtures.
 */
final class SettingsBuilder {
  private final OrgSettings.Builder b;
  private final List<Product> products = new ArrayList<>();
  private final List<String> included = new ArrayList<>();
  private final List<String> excluded = new ArrayList<>();

  private SettingsBuilder(String orgId, Instant updatedAt) {
    b =
        OrgSettings.newBuilder()
            .setOrgId(orgId)
            .setCloudEnvironment(CloudEnvironment.COMMERCIAL)
            .setUpdatedAt(updatedAt);
  }

  static SettingsBuilder settings(String orgId, String updatedAt) {
    return new SettingsBuilder(orgId, Instant.parse(updatedAt));
  }

  SettingsBuilder product(String siteId, String app, Plan plan) {
    products.add(new Product(siteId, app, plan, false));
    return this;
  }

  SettingsBuilder metadata(ContributionSetting s) {
    b.setMetadataContribution(s);
    return this;
  }

  SettingsBuilder include(String scope) {
    included.add(scope);
    return this;
  }

  SettingsBuilder exclude(String scope) {
    excluded.add(scope);
    return this;
  }

  OrgSettings build() {
    Compliance compliance =
        Compliance.newBuilder()
            .setHipaa(false)
            .setGovernmentEntity(false)
            .setEducationalInstitution(false)
            .setRegulatedFinancialServices(false)
            .setExcludedOfferings(new ArrayList<>())
            .build();
    return b.setProducts(new ArrayList<>(products))
        .setCompliance(compliance)
        .setInAppIncluded(new ArrayList<>(included))
        .setInAppExcluded(new ArrayList<>(excluded))
        .build();
  }
}
