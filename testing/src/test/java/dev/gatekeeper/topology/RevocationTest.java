package dev.gatekeeper.topology;

import static dev.gatekeeper.schema.Plan.ENTERPRISE;
import static dev.gatekeeper.schema.Plan.FREE;
import static dev.gatekeeper.testing.Fixtures.event;
import static dev.gatekeeper.testing.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.testing.Fixtures.SettingsBuilder;
import dev.gatekeeper.testing.GateHarness;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every revocation trigger of POLICY.md: a settings change revokes exactly the live
 * contributions that rules 1–7 of the new version disallow, with a tombstone and a REVOKED
 * decision each, and leaves the others live.
 */
class RevocationTest {
  private static final String T0 = "2026-09-01T00:00:00Z";
  private static final String T1 = "2026-09-02T00:00:00Z";
  private static final String T2 = "2026-09-03T00:00:00Z";
  private final GateHarness gate = new GateHarness();

  /** Org o1: Jira and Confluence on s1, Jira on s2, Enterprise via Confluence on s1. */
  private static SettingsBuilder base(String at) {
    return settings("o1", at)
        .product("s1", "jira", FREE)
        .product("s1", "confluence", ENTERPRISE)
        .product("s2", "jira", FREE)
        .inApp(ContributionSetting.ON);
  }

  @BeforeEach
  void contributeOneOfEach() {
    gate.settings(base(T0).build());
    gate.event(event("jira-s1", "o1", T1).build());
    gate.event(event("conf-s1", "o1", T1).app("confluence").build());
    gate.event(event("jira-s2", "o1", T1).site("s2").build());
    gate.event(event("eng", "o1", T1).container("ENG").build());
    gate.event(event("via-c1", "o1", T1).app("connector").connector("c1", ConnectorKind.SYNCED).build());
    gate.event(event("meta", "o1", T1).metadata().build());
    gate.event(event("other-org", "o2", T1).build()); // no settings: dropped, never live
    assertThat(gate.liveEventIds())
        .containsExactlyInAnyOrder("jira-s1", "conf-s1", "jira-s2", "eng", "via-c1", "meta");
  }

  @AfterEach
  void close() {
    gate.close();
  }

  private List<String> revoked(String reason) {
    return gate.decisions().stream()
        .filter(d -> d.getOutcome() == Outcome.REVOKED)
        .peek(d -> assertThat(d.getReason()).isEqualTo(reason))
        .map(ContributionDecision::getEventId)
        .sorted()
        .toList();
  }

  @Test
  void revokesInAppContributionsWhenAdminOptsOutAtOrgLevel() {
    gate.settings(base(T2).inApp(ContributionSetting.OFF).build());
    assertThat(revoked("IN_APP_OFF")).containsExactly("conf-s1", "eng", "jira-s1", "jira-s2", "via-c1");
    assertThat(gate.liveEventIds()).containsExactly("meta");
  }

  @Test
  void revokesOnlyTheExcludedAppsInAppContributions() {
    gate.settings(base(T2).exclude("app:jira").build());
    assertThat(revoked("IN_APP_OFF")).containsExactly("eng", "jira-s1", "jira-s2");
    assertThat(gate.liveEventIds()).containsExactlyInAnyOrder("conf-s1", "via-c1", "meta");
  }

  @Test
  void revokesOnlyTheExcludedContainersInAppContributions() {
    gate.settings(base(T2).exclude("container:ENG").build());
    assertThat(revoked("IN_APP_OFF")).containsExactly("eng");
  }

  @Test
  void revokesOnlyTheExcludedConnectorsInAppContributions() {
    gate.settings(base(T2).exclude("connector:c1").build());
    assertThat(revoked("IN_APP_OFF")).containsExactly("via-c1");
  }

  @Test
  void revokesMetadataWhenAnEnterpriseOrgOptsOutOfMetadata() {
    gate.settings(base(T2).metadata(ContributionSetting.OFF).build());
    assertThat(revoked("METADATA_OFF")).containsExactly("meta");
  }

  @Test
  void revokesAnAppsContributionsWhenTheAppIsDeletedFromTheSite() {
    gate.settings(
        settings("o1", T2)
            .product("s1", "jira", FREE)
            .product("s2", "jira", FREE)
            .product("s9", "confluence", ENTERPRISE)
            .inApp(ContributionSetting.ON)
            .build());
    assertThat(revoked("PRODUCT_NOT_ACTIVE")).containsExactly("conf-s1");
  }

  @Test
  void revokesEverythingFromASiteWhenTheSiteIsDeleted() {
    gate.settings(settings("o1", T2).product("s2", "jira", ENTERPRISE).inApp(ContributionSetting.ON).build());
    assertThat(revoked("PRODUCT_NOT_ACTIVE")).containsExactly("conf-s1", "eng", "jira-s1", "meta", "via-c1");
    assertThat(gate.liveEventIds()).containsExactly("jira-s2");
  }

  @Test
  void revokesEverythingWhenTheOrgIsDeleted() {
    gate.tombstone("o1", T2);
    assertThat(revoked("ORG_DELETED")).hasSize(6);
    assertThat(gate.live()).isEmpty();
  }

  @Test
  void revokesEverythingWhenTheOrgBecomesExcluded() {
    gate.settings(base(T2).hipaa().build());
    assertThat(revoked("ORG_EXCLUDED")).hasSize(6);
  }

  @Test
  void revokesEverythingWhenTheOrgMovesToGovernmentCloud() {
    gate.settings(base(T2).cloud(CloudEnvironment.GOVERNMENT).build());
    assertThat(revoked("HOSTING_EXCLUDED")).hasSize(6);
  }

  @Test
  void revokesEverythingWhenTheSettingsRecordIsMalformed() {
    gate.rawSettings("o1", "{\"orgId\":\"o1\"}".getBytes(StandardCharsets.UTF_8), Instant.parse(T2));
    assertThat(revoked("SETTINGS_INVALID")).hasSize(6);
    assertThat(gate.live()).isEmpty();
    assertThat(gate.deadLetters()).hasSize(1);
  }

  @Test
  void tombstonesCarryTheContributionIdOfTheRevokedRecord() {
    String cid = gate.lastDecision("eng").getContributionId();
    gate.settings(base(T2).exclude("container:ENG").build());
    ContributionDecision revoked = gate.lastDecision("eng");
    assertThat(revoked.getContributionId()).isEqualTo(cid);
    var last = gate.contributionRecords().get(gate.contributionRecords().size() - 1);
    assertThat(last.key()).isEqualTo(cid);
    assertThat(last.value()).isNull();
  }

  @Test
  void revokedDataStaysRevokedAfterAnOptInButNewEventsAreDecided() {
    gate.settings(base(T2).inApp(ContributionSetting.OFF).build());
    gate.settings(base("2026-09-04T00:00:00Z").build());
    assertThat(gate.liveEventIds()).containsExactly("meta");
    gate.event(event("jira-s1", "o1", "2026-09-05T00:00:00Z").build()); // re-delivery, decided afresh
    assertThat(gate.liveEventIds()).containsExactlyInAnyOrder("meta", "jira-s1");
  }

  @Test
  void aSettingsChangeThatRestrictsNothingRevokesNothing() {
    gate.settings(base(T2).include("container:ENG").build());
    assertThat(gate.decisions()).noneMatch(d -> d.getOutcome() == Outcome.REVOKED);
    assertThat(gate.receipts()).as("no receipt when nothing was revoked").isEmpty();
  }

  @Test
  void writesOneReceiptPerSettingsRecordThatRevoked() {
    gate.settings(base(T2).exclude("app:jira").metadata(ContributionSetting.OFF).build());
    assertThat(gate.receipts()).hasSize(1);
    var receipt = gate.receipts().get(0);
    assertThat(receipt.getOrgId()).isEqualTo("o1");
    assertThat(receipt.getSettingsVersion()).isEqualTo(Instant.parse(T2).toEpochMilli());
    assertThat(receipt.getContributionsRevoked()).isEqualTo(4);
    assertThat(receipt.getReasons()).containsExactly("IN_APP_OFF", "METADATA_OFF");
    assertThat(receipt.getBucketsRevoked()).isZero();
  }

  @Test
  void writesAReceiptForAnOrgTombstoneWithTheTombstonesTime() {
    gate.tombstone("o1", T2);
    assertThat(gate.receipts()).singleElement().satisfies(r -> {
      assertThat(r.getReasons()).containsExactly("ORG_DELETED");
      assertThat(r.getContributionsRevoked()).isEqualTo(6);
      assertThat(r.getSettingsVersion()).isEqualTo(Instant.parse(T2).toEpochMilli());
    });
  }

  @Test
  void aStaleSettingsRecordIsIgnored() {
    gate.settings(base("2026-08-31T00:00:00Z").inApp(ContributionSetting.OFF).build());
    assertThat(gate.decisions()).noneMatch(d -> d.getOutcome() == Outcome.REVOKED);
    gate.event(event("later", "o1", T2).build());
    assertThat(gate.lastDecision("later").getOutcome()).isEqualTo(Outcome.CONTRIBUTED);
  }
}
