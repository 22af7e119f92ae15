package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.schema.Plan.PREMIUM;
import static dev.gatekeeper.schema.Plan.STANDARD;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures.SettingsBuilder;
import dev.gatekeeper.testing.GateHarness;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every reason code of POLICY.md, each through the production topology. */
class ReasonCodesTest {
  private static final String T0 = "2026-09-01T00:00:00Z";
  private static final String T1 = "2026-09-02T00:00:00Z";
  private final GateHarness gate = new GateHarness();

  @AfterEach
  void close() {
    gate.close();
  }

  private SettingsBuilder free() {
    return settings("o1", T0).product("s1", "jira", FREE);
  }

  private ContributionDecision decide(UnaryOperator<SettingsBuilder> org, dev.gatekeeper.testing.Fixtures.EventBuilder e) {
    gate.settings(org.apply(free()).build());
    gate.event(e.build());
    return gate.lastDecision(e.build().getEventId());
  }

  private static void assertDropped(ContributionDecision d, String reason) {
    assertThat(d.getOutcome()).isEqualTo(Outcome.DROPPED);
    assertThat(d.getReason()).isEqualTo(reason);
    assertThat(d.getContributionId()).isNull();
  }

  @Test
  void contributesAnInScopeEventOfAnOrgThatAllowsIt() {
    ContributionDecision d = decide(s -> s, event("e1", "o1", T1));
    assertThat(d.getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
    assertThat(d.getReason()).isEqualTo("CONTRIBUTED");
    assertThat(d.getContributionId()).isNotNull();
    assertThat(d.getSettingsVersion()).isEqualTo(Instant.parse(T0).toEpochMilli());
    assertThat(gate.live()).containsOnlyKeys(d.getContributionId());
  }

  @Test
  void dropsEventsOfAnOrgNeverSeenAsNoSettings() {
    gate.event(event("e1", "o1", T1).build());
    assertDropped(gate.lastDecision("e1"), "NO_SETTINGS");
    assertThat(gate.live()).isEmpty();
  }

  @Test
  void dropsEventsOfAnOrgWhoseSettingsAreUndecodableAsSettingsInvalid() {
    gate.rawSettings("o1", "not avro".getBytes(StandardCharsets.UTF_8), Instant.parse(T0));
    gate.event(event("e1", "o1", T1).build());
    assertDropped(gate.lastDecision("e1"), "SETTINGS_INVALID");
  }

  @Test
  void dropsEventsOfAnOrgWhoseSettingsNameAnotherOrgAsSettingsInvalid() {
    gate.rawSettings("o1", new dev.gatekeeper.topology.GatekeeperSerdes().orgSettings.encode("org-settings",
        settings("o2", T0).product("s1", "jira", FREE).build()), Instant.parse(T0));
    gate.event(event("e1", "o1", T1).build());
    assertDropped(gate.lastDecision("e1"), "SETTINGS_INVALID");
  }

  @Test
  void dropsAnEventWhoseSettingsHistoryWasPrunedAsTooLate() {
    gate.settings(free().build());
    gate.settings(settings("o1", "2026-09-10T00:00:00Z").product("s1", "jira", FREE).build());
    gate.event(event("e1", "o1", "2026-11-01T00:00:00Z").build());
    // A settings record 35+ days later prunes the version of 09-01: nothing before 09-10 is answerable.
    gate.settings(settings("o1", "2026-11-01T00:00:00Z").product("s1", "jira", FREE).build());
    gate.event(event("e2", "o1", "2026-09-05T00:00:00Z").build());
    gate.event(event("e3", "o1", "2026-09-20T00:00:00Z").build()); // old, but its history is kept
    assertDropped(gate.lastDecision("e2"), "TOO_LATE");
    assertThat(gate.lastDecision("e3").getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
  }

  @ParameterizedTest
  @EnumSource(value = Hosting.class, names = {"DATA_CENTER", "GOVERNMENT_CLOUD", "ISOLATED_CLOUD"})
  void dropsEventsNotHostedInTheCommercialCloudAsHostingExcluded(Hosting hosting) {
    assertDropped(decide(s -> s, event("e1", "o1", T1).hosting(hosting)), "HOSTING_EXCLUDED");
  }

  @ParameterizedTest
  @EnumSource(value = CloudEnvironment.class, names = {"GOVERNMENT", "ISOLATED"})
  void dropsEventsOfOrgsOutsideTheCommercialCloudAsHostingExcluded(CloudEnvironment env) {
    assertDropped(decide(s -> s.cloud(env), event("e1", "o1", T1)), "HOSTING_EXCLUDED");
  }

  @Test
  void dropsEventsOfHipaaOrgsAsOrgExcluded() {
    assertDropped(decide(SettingsBuilder::hipaa, event("e1", "o1", T1)), "ORG_EXCLUDED");
  }

  @Test
  void dropsEventsOfRegulatedFinancialOrgsAsOrgExcluded() {
    assertDropped(decide(SettingsBuilder::financial, event("e1", "o1", T1)), "ORG_EXCLUDED");
  }

  @Test
  void dropsEventsOfOrgsWithAnExcludedOfferingAsOrgExcluded() {
    assertDropped(decide(s -> s.excludedOffering("fedramp"), event("e1", "o1", T1)), "ORG_EXCLUDED");
  }

  @Test
  void dropsEventsOfGovernmentEntitiesAsOrgExcludedEvenWhenOptedIn() {
    assertDropped(
        decide(s -> s.government(false).inApp(ContributionSetting.ON), event("e1", "o1", T1)), "ORG_EXCLUDED");
  }

  @Test
  void contributesEventsOfGovernmentRunSchools() {
    assertThat(decide(s -> s.government(true), event("e1", "o1", T1)).getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
  }

  @Test
  void dropsEventsThatOccurredBeforeTheEffectiveDate() {
    gate.settings(settings("o1", "2026-08-01T00:00:00Z").product("s1", "jira", FREE).build());
    gate.event(event("e1", "o1", "2026-08-16T23:59:59.999Z").build());
    gate.event(event("e2", "o1", "2026-08-17T00:00:00Z").build());
    assertDropped(gate.lastDecision("e1"), "BEFORE_EFFECTIVE_DATE");
    assertThat(gate.lastDecision("e2").getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"loom", "bitbucket", "trello", "marketplace:acme-app", "Jira", "unknown"})
  void dropsEventsOfAppsWithoutContributionSettingsAsNotInScope(String app) {
    assertDropped(decide(s -> s.product("s1", app, FREE), event("e1", "o1", T1).app(app)), "APP_NOT_IN_SCOPE");
  }

  @Test
  void dropsEventsThroughDataCenterConnectorsWhateverTheirApp() {
    assertDropped(
        decide(s -> s, event("e1", "o1", T1).app("rovo").connector("c1", ConnectorKind.DATA_CENTER)),
        "APP_NOT_IN_SCOPE");
  }

  @Test
  void dropsConnectorEventsWithoutAKind() {
    assertDropped(decide(s -> s, event("e1", "o1", T1).app("connector").connector("c1", null)), "APP_NOT_IN_SCOPE");
  }

  @Test
  void contributesSyncedConnectorAndPlatformAppEvents() {
    gate.settings(free().build());
    gate.event(event("e1", "o1", T1).app("connector").connector("c1", ConnectorKind.SYNCED_LITE).build());
    gate.event(event("e2", "o1", T1).app("rovo").build());
    assertThat(gate.lastDecision("e1").getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
    assertThat(gate.lastDecision("e2").getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
  }

  @Test
  void dropsCoreAppEventsWithoutThatAppOnThatSiteAsProductNotActive() {
    gate.settings(free().product("s2", "confluence", FREE).build());
    gate.event(event("e1", "o1", T1).app("confluence").build()); // confluence is on s2, not s1
    gate.event(event("e2", "o1", T1).site("s3").app("rovo").build()); // no product at all on s3
    assertDropped(gate.lastDecision("e1"), "PRODUCT_NOT_ACTIVE");
    assertDropped(gate.lastDecision("e2"), "PRODUCT_NOT_ACTIVE");
  }

  @Test
  void contributesPlatformEventsOnASiteWhoseOnlyProductIsOutOfScope() {
    gate.settings(settings("o1", T0).product("s1", "jira", FREE).product("s9", "loom", FREE).build());
    gate.event(event("e1", "o1", T1).site("s9").app("home").build());
    assertThat(gate.lastDecision("e1").getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
  }

  @Test
  void dropsMetadataOfAnEnterpriseOrgThatOptedOut() {
    assertDropped(
        decide(s -> s.product("s1", "confluence", ENTERPRISE).metadata(ContributionSetting.OFF), event("e1", "o1", T1).metadata()),
        "METADATA_OFF");
  }

  @ParameterizedTest
  @EnumSource(value = dev.gatekeeper.schema.Plan.class, names = {"FREE", "STANDARD", "PREMIUM"})
  void ignoresAMetadataOptOutBelowEnterprise(dev.gatekeeper.schema.Plan plan) {
    ContributionDecision d =
        decide(s -> s.product("s1", "confluence", plan).metadata(ContributionSetting.OFF), event("e1", "o1", T1).metadata());
    assertThat(d.getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
  }

  @Test
  void dropsInAppDataOfPremiumOrgsByDefault() {
    assertDropped(decide(s -> s.product("s1", "confluence", PREMIUM), event("e1", "o1", T1)), "IN_APP_OFF");
  }

  @Test
  void contributesInAppDataOfStandardOrgsByDefault() {
    assertThat(decide(s -> s.product("s1", "confluence", STANDARD), event("e1", "o1", T1)).getOutcome())
        .isEqualTo(Outcome.CONTRIBUTED);
  }

  @Test
  void dropsEventsInsideTheReviewWindowThatTheVersionBeforeForbade() {
    gate.settings(settings("o1", T0).product("s1", "jira", PREMIUM).build());
    gate.settings(settings("o1", T1).product("s1", "jira", FREE).build()); // downgrade: default ON now
    gate.event(event("e1", "o1", "2026-09-10T00:00:00Z").build());
    gate.event(event("e2", "o1", "2026-10-02T00:00:00Z").build()); // exactly 30 days after T1
    assertDropped(gate.lastDecision("e1"), "PLAN_CHANGE_GRACE");
    assertThat(gate.lastDecision("e2").getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
  }
}
