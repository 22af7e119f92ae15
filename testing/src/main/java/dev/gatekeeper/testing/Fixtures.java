package dev.gatekeeper.testing;

import dev.gatekeeper.schema.Actor;
import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.Compliance;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.Product;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Readable builders for settings and events in tests. */
public final class Fixtures {
  private Fixtures() {}

  public static Instant t(String iso) {
    return Instant.parse(iso);
  }

  /**
   * A contribution as the gatekeeper writes one, for serde and export tests: in-app, from Jira,
   * with a scrubbed text, an attribute and region eu; {@code actorToken} left null.
   */
  public static Contribution.Builder contribution(String contributionId, String policyVersion) {
    return Contribution.newBuilder()
        .setContributionId(contributionId)
        .setOrgToken("org-token")
        .setApp("jira")
        .setDataType(DataType.IN_APP)
        .setOccurredAt(Instant.parse("2026-09-01T10:00:00Z"))
        .setAttributes(Map.of("status", "done"))
        .setText("a scrubbed text")
        .setRegion("eu")
        .setPolicyVersion(policyVersion);
  }

  public static SettingsBuilder settings(String orgId, String updatedAt) {
    return new SettingsBuilder(orgId, t(updatedAt));
  }

  public static EventBuilder event(String eventId, String orgId, String occurredAt) {
    return new EventBuilder(eventId, orgId, t(occurredAt));
  }

  /** Settings of a commercial, non-excluded org with no products and plan defaults. */
  public static final class SettingsBuilder {
    private final OrgSettings.Builder b;
    private final List<Product> products = new ArrayList<>();
    private final Compliance.Builder compliance =
        Compliance.newBuilder()
            .setHipaa(false)
            .setGovernmentEntity(false)
            .setEducationalInstitution(false)
            .setRegulatedFinancialServices(false)
            .setExcludedOfferings(new ArrayList<>());
    private final List<String> included = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();

    SettingsBuilder(String orgId, Instant updatedAt) {
      b =
          OrgSettings.newBuilder()
              .setOrgId(orgId)
              .setCloudEnvironment(CloudEnvironment.COMMERCIAL)
              .setUpdatedAt(updatedAt);
    }

    public SettingsBuilder product(String siteId, String app, Plan plan) {
      products.add(new Product(siteId, app, plan, false));
      return this;
    }

    public SettingsBuilder trial(String siteId, String app, Plan plan) {
      products.add(new Product(siteId, app, plan, true));
      return this;
    }

    public SettingsBuilder inApp(ContributionSetting s) {
      b.setInAppContribution(s);
      return this;
    }

    public SettingsBuilder metadata(ContributionSetting s) {
      b.setMetadataContribution(s);
      return this;
    }

    public SettingsBuilder include(String scope) {
      included.add(scope);
      return this;
    }

    public SettingsBuilder exclude(String scope) {
      excluded.add(scope);
      return this;
    }

    public SettingsBuilder cloud(CloudEnvironment env) {
      b.setCloudEnvironment(env);
      return this;
    }

    public SettingsBuilder hipaa() {
      compliance.setHipaa(true);
      return this;
    }

    public SettingsBuilder government(boolean educational) {
      compliance.setGovernmentEntity(true).setEducationalInstitution(educational);
      return this;
    }

    public SettingsBuilder financial() {
      compliance.setRegulatedFinancialServices(true);
      return this;
    }

    public SettingsBuilder excludedOffering(String offering) {
      compliance.getExcludedOfferings().add(offering);
      return this;
    }

    public SettingsBuilder region(String region) {
      b.setResidencyRegion(region);
      return this;
    }

    /** The admin's note on this version: audit only, the policy never reads it. */
    public SettingsBuilder changeReason(String reason) {
      b.setChangeReason(reason);
      return this;
    }

    public OrgSettings build() {
      return b.setProducts(new ArrayList<>(products))
          .setCompliance(compliance.build())
          .setInAppIncluded(new ArrayList<>(included))
          .setInAppExcluded(new ArrayList<>(excluded))
          .build();
    }
  }

  /** An in-app event from Jira on site s1, hosted in the commercial cloud, no container. */
  public static final class EventBuilder {
    private final DataEvent.Builder b;
    private final Map<String, String> attributes = new HashMap<>();

    EventBuilder(String eventId, String orgId, Instant occurredAt) {
      b =
          DataEvent.newBuilder()
              .setEventId(eventId)
              .setOrgId(orgId)
              .setSiteId("s1")
              .setApp("jira")
              .setHosting(Hosting.CLOUD)
              .setDataType(DataType.IN_APP)
              .setOccurredAt(occurredAt);
    }

    public EventBuilder site(String siteId) {
      b.setSiteId(siteId);
      return this;
    }

    public EventBuilder app(String app) {
      b.setApp(app);
      return this;
    }

    public EventBuilder metadata() {
      b.setDataType(DataType.METADATA);
      return this;
    }

    public EventBuilder hosting(Hosting h) {
      b.setHosting(h);
      return this;
    }

    public EventBuilder container(String containerId) {
      b.setContainerId(containerId);
      return this;
    }

    public EventBuilder connector(String connectorId, ConnectorKind kind) {
      b.setConnectorId(connectorId).setConnectorKind(kind);
      return this;
    }

    public EventBuilder actor(String accountId, String displayName, String email) {
      b.setActor(new Actor(accountId, displayName, email));
      return this;
    }

    public EventBuilder attribute(String name, String value) {
      attributes.put(name, value);
      return this;
    }

    public EventBuilder text(String text) {
      b.setText(text);
      return this;
    }

    public DataEvent build() {
      return b.setAttributes(new HashMap<>(attributes)).build();
    }
  }
}
