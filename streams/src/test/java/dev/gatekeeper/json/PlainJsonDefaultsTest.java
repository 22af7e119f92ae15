package dev.gatekeeper.json;

import static dev.gatekeeper.json.Fixtures.json;
import static dev.gatekeeper.json.Fixtures.normalized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Product;
import org.junit.jupiter.api.Test;

/** Omitted fields take their schema defaults; fields the schema does not know are ignored. */
class PlainJsonDefaultsTest {

  private static final String MINIMAL_EVENT = """
      {"eventId": "e1", "orgId": "o1", "siteId": "s1", "app": "jira", "hosting": "CLOUD",
       "dataType": "IN_APP", "occurredAt": "2026-09-02T00:00:00Z"}""";

  @Test
  void omittedOptionalFieldsOfAnEventTakeTheirDefaults() throws Exception {
    DataEvent event = PlainJson.fromJson(json(MINIMAL_EVENT), DataEvent.class);

    assertThat(event.getConnectorId()).isNull();
    assertThat(event.getConnectorKind()).isNull();
    assertThat(event.getActor()).isNull();
    assertThat(event.getAttributes()).isEmpty();
    assertThat(event.getText()).isNull();
  }

  @Test
  void outputSpellsOutTheDefaultsOfOmittedFields() throws Exception {
    DataEvent event = PlainJson.fromJson(json(MINIMAL_EVENT), DataEvent.class);

    assertThat(normalized(PlainJson.toJson(event))).isEqualTo(Fixtures.dataEvent());
  }

  @Test
  void omittedFieldsOfSettingsAndTheirNestedRecordsTakeTheirDefaults() throws Exception {
    OrgSettings settings = PlainJson.fromJson(json("""
        {"orgId": "o1", "cloudEnvironment": "COMMERCIAL", "compliance": {},
         "updatedAt": "2026-09-01T00:00:00Z"}"""), OrgSettings.class);

    assertThat(settings.getProducts()).isEmpty();
    assertThat(settings.getInAppIncluded()).isEmpty();
    assertThat(settings.getCompliance().getHipaa()).isFalse();
    assertThat(settings.getCompliance().getExcludedOfferings()).isEmpty();
    assertThat(settings.getResidencyRegion()).isNull();
  }

  @Test
  void settingsWrittenBeforeChangeReasonExistedReadItAsNull() throws Exception {
    ObjectNode before = Fixtures.orgSettings();
    before.remove("changeReason");

    OrgSettings settings = PlainJson.fromJson(before, OrgSettings.class);

    assertThat(settings.getChangeReason()).isNull();
    assertThat(normalized(PlainJson.toJson(settings))).isEqualTo(Fixtures.orgSettings());
  }

  @Test
  void anOmittedBooleanInANestedRecordTakesItsDefault() throws Exception {
    ObjectNode settings = Fixtures.orgSettings();
    ((ObjectNode) settings.get("products").get(0)).remove("trial");

    OrgSettings converted = PlainJson.fromJson(settings, OrgSettings.class);

    assertThat(converted.getProducts().get(0).getTrial()).isFalse();
    assertThat(normalized(PlainJson.toJson(converted))).isEqualTo(Fixtures.orgSettings());
  }

  @Test
  void recordsNeverShareAMutableDefault() throws Exception {
    DataEvent first = PlainJson.fromJson(json(MINIMAL_EVENT), DataEvent.class);
    DataEvent second = PlainJson.fromJson(json(MINIMAL_EVENT), DataEvent.class);
    OrgSettings settings = PlainJson.fromJson(json("""
        {"orgId": "o1", "cloudEnvironment": "COMMERCIAL", "compliance": {},
         "updatedAt": "2026-09-01T00:00:00Z"}"""), OrgSettings.class);

    first.getAttributes().put("changed", "yes");
    settings.getProducts().add(new Product());
    settings.getCompliance().getExcludedOfferings().add("changed");

    assertThat(second.getAttributes()).isEmpty();
    assertThat(PlainJson.fromJson(json(MINIMAL_EVENT), DataEvent.class).getAttributes()).isEmpty();
    OrgSettings again = PlainJson.fromJson(json("""
        {"orgId": "o1", "cloudEnvironment": "COMMERCIAL", "compliance": {},
         "updatedAt": "2026-09-01T00:00:00Z"}"""), OrgSettings.class);
    assertThat(again.getProducts()).isEmpty();
    assertThat(again.getCompliance().getExcludedOfferings()).isEmpty();
  }

  @Test
  void fieldsTheSchemaDoesNotKnowAreIgnored() throws Exception {
    ObjectNode event = Fixtures.dataEvent();
    event.put("addedByANewerProducer", "x");
    event.set("actor", json("{\"accountId\": \"a1\", \"pronouns\": [\"they\"]}"));

    DataEvent converted = PlainJson.fromJson(event, DataEvent.class);

    assertThat(converted.getActor().getAccountId()).isEqualTo("a1");
    assertThat(PlainJson.toJson(converted).has("addedByANewerProducer")).isFalse();
  }
}
