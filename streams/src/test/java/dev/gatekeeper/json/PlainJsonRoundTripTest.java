package dev.gatekeeper.json;

import static dev.gatekeeper.json.Fixtures.encodeAndDecode;
import static dev.gatekeeper.json.Fixtures.json;
import static dev.gatekeeper.json.Fixtures.normalized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatekeeper.schema.Actor;
import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.Compliance;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.ContributionDeletion;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Outcome;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.Product;
import dev.gatekeeper.schema.RevocationReceipt;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Normalized plain JSON survives JSON → record → JSON, and the records pass Avro's own codec, for
 * every record schema of the contract (the enums are covered through the records that use them).
 */
class PlainJsonRoundTripTest {

  static Stream<Arguments> everyRecordType() {
    return Stream.of(
        Arguments.of(DataEvent.class, Fixtures.DATA_EVENT),
        Arguments.of(DataEvent.class, """
            {"eventId": "e2", "orgId": "o1", "siteId": "s1", "app": "confluence",
             "connectorId": "gdrive", "connectorKind": "SYNCED_LITE", "hosting": "DATA_CENTER",
             "dataType": "METADATA", "containerId": "SPACE", "occurredAt": "2026-09-02T10:11:12.345Z",
             "actor": {"accountId": "a1", "displayName": "Ann", "email": null},
             "attributes": {"issueType": "bug", "status": "open"}, "text": "hello"}"""),
        Arguments.of(OrgSettings.class, Fixtures.ORG_SETTINGS),
        Arguments.of(OrgSettings.class, """
            {"orgId": "o2", "cloudEnvironment": "GOVERNMENT",
             "products": [{"siteId": "s1", "app": "jira", "plan": "ENTERPRISE", "trial": true},
                          {"siteId": "s2", "app": "confluence", "plan": "STANDARD", "trial": false}],
             "compliance": {"hipaa": true, "governmentEntity": false, "educationalInstitution": true,
                            "regulatedFinancialServices": false, "excludedOfferings": ["rovo"]},
             "metadataContribution": "ON", "inAppContribution": "OFF",
             "inAppIncluded": ["app:jira", "container:SPACE"], "inAppExcluded": ["connector:gdrive"],
             "residencyRegion": "eu", "updatedAt": "2026-09-01T00:00:00.001Z",
             "changeReason": "legal review"}"""),
        Arguments.of(Contribution.class, """
            {"contributionId": "c1", "orgToken": "ot", "actorToken": null, "containerToken": "ct",
             "app": "jira", "dataType": "METADATA", "occurredAt": "2026-09-01T00:00:00Z",
             "attributes": {"k": "v"}, "text": "hello", "region": "eu", "policyVersion": "p1"}"""),
        Arguments.of(ContributionDecision.class, """
            {"eventId": "e1", "orgId": "o1", "outcome": "DROPPED", "reason": "PLAN_EXCLUDED",
             "contributionId": null, "decidedAt": "2026-09-01T00:00:00.123Z",
             "settingsVersion": 1756684800000, "policyVersion": "p1"}"""),
        Arguments.of(RevocationReceipt.class, """
            {"orgId": "o1", "settingsVersion": 1756684800000, "reasons": ["a", "b"],
             "contributionsRevoked": 3, "bucketsRevoked": 0, "completedAt": "2026-09-01T00:00:01Z"}"""),
        Arguments.of(ContributionDeletion.class, """
            {"contributionId": "c1", "revokedAt": "2026-09-03T00:00:00.250Z"}"""),
        Arguments.of(ContributionAggregate.class, """
            {"app": "jira", "attribute": "issueType", "value": "bug",
             "windowStart": "2026-09-01T00:00:00Z", "windowEnd": "2026-09-02T00:00:00Z",
             "distinctOrgs": 5, "records": 9007199254740993, "policyVersion": "p1"}"""),
        Arguments.of(Actor.class, """
            {"accountId": "a1", "displayName": null, "email": "ann@example.com"}"""),
        Arguments.of(Product.class, """
            {"siteId": "s1", "app": "jira", "plan": "PREMIUM", "trial": true}"""),
        Arguments.of(Compliance.class, """
            {"hipaa": false, "governmentEntity": true, "educationalInstitution": false,
             "regulatedFinancialServices": true, "excludedOfferings": ["a", "b"]}"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecordType")
  void normalizedJsonSurvivesTheRoundTrip(Class<? extends SpecificRecord> type, String text)
      throws Exception {
    ObjectNode input = json(text);

    SpecificRecord record = PlainJson.fromJson(input, type);

    assertThat(record).isInstanceOf(type);
    assertThat(normalized(PlainJson.toJson(record))).isEqualTo(input);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyRecordType")
  void convertedRecordsPassTheGeneratedEncoderAndDecodeEqual(
      Class<? extends SpecificRecord> type, String text) throws Exception {
    SpecificRecord record = PlainJson.fromJson(json(text), type);

    SpecificRecord decoded = encodeAndDecode(record);

    assertThat(decoded).isEqualTo(record);
    assertThat(normalized(PlainJson.toJson(decoded))).isEqualTo(json(text));
  }

  @Test
  void theDataEventFixtureBecomesTheExpectedRecord() throws Exception {
    DataEvent event = PlainJson.fromJson(Fixtures.dataEvent(), DataEvent.class);

    assertThat(event.getEventId()).isEqualTo("e1");
    assertThat(event.getHosting()).isEqualTo(Hosting.CLOUD);
    assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-09-02T00:00:00Z"));
    assertThat(event.getConnectorKind()).isNull();
    assertThat(event.getActor()).isNull();
    assertThat(event.getAttributes()).isEmpty();
  }

  @Test
  void nestedRecordsBecomeInstancesOfTheirGeneratedClasses() throws Exception {
    ObjectNode input = Fixtures.dataEvent();
    input.set("actor", json("{\"accountId\": \"a1\", \"displayName\": \"Ann\"}"));
    input.set("attributes", json("{\"issueType\": \"bug\"}"));

    DataEvent event = PlainJson.fromJson(input, DataEvent.class);

    assertThat(event.getActor()).isEqualTo(new Actor("a1", "Ann", null));
    assertThat(event.getAttributes()).isEqualTo(Map.of("issueType", "bug"));
  }

  @Test
  void settingsBecomeProductsComplianceAndEnums() throws Exception {
    ObjectNode input = Fixtures.orgSettings();
    input.put("inAppContribution", "OFF");

    OrgSettings settings = PlainJson.fromJson(input, OrgSettings.class);

    assertThat(settings.getCloudEnvironment()).isEqualTo(CloudEnvironment.COMMERCIAL);
    assertThat(settings.getProducts()).containsExactly(new Product("s1", "jira", Plan.FREE, false));
    assertThat(settings.getCompliance().getHipaa()).isFalse();
    assertThat(settings.getInAppContribution()).isEqualTo(ContributionSetting.OFF);
    assertThat(settings.getMetadataContribution()).isNull();
  }

  @Test
  void recordsBuiltInJavaComeOutAsPlainJson() {
    ContributionDecision decision = ContributionDecision.newBuilder()
        .setEventId("e1").setOrgId("o1").setOutcome(Outcome.CONTRIBUTED).setReason("CONTRIBUTED")
        .setContributionId("c1").setDecidedAt(Instant.parse("2026-09-01T10:00:00Z"))
        .setPolicyVersion("p1").build();

    assertThat(normalized(PlainJson.toJson(decision))).isEqualTo(json("""
        {"eventId": "e1", "orgId": "o1", "outcome": "CONTRIBUTED", "reason": "CONTRIBUTED",
         "contributionId": "c1", "decidedAt": "2026-09-01T10:00:00Z", "settingsVersion": null,
         "policyVersion": "p1"}"""));
  }

  @Test
  void outputListsFieldsInSchemaOrder() throws Exception {
    ObjectNode input = json("""
        {"text": null, "occurredAt": "2026-09-02T00:00:00Z", "dataType": "IN_APP",
         "hosting": "CLOUD", "app": "jira", "siteId": "s1", "orgId": "o1", "eventId": "e1"}""");

    String output = Fixtures.MAPPER.writeValueAsString(
        PlainJson.toJson(PlainJson.fromJson(input, DataEvent.class)));

    assertThat(output).isEqualTo(Fixtures.MAPPER.writeValueAsString(Fixtures.dataEvent()));
  }
}
