package dev.gatekeeper.json;

import static dev.gatekeeper.json.Fixtures.CANARY;
import static dev.gatekeeper.json.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import java.math.BigInteger;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Bad input fails with a message that names the path and the problem, never the value. */
class PlainJsonErrorsTest {

  private static PlainJsonException failure(JsonNode input, Class<? extends SpecificRecord> type) {
    PlainJsonException e = catchThrowableOfType(
        PlainJsonException.class, () -> PlainJson.fromJson(input, type));
    assertThat(e).as("conversion should fail").isNotNull();
    assertThat(e.getCause()).isNull();
    return e;
  }

  @Test
  void anUnknownHostingFromTheReplayFixtureIsRejected() {
    ObjectNode event = Fixtures.dataEvent();
    event.put("hosting", "MAINFRAME");

    PlainJsonException e = failure(event, DataEvent.class);

    assertThat(e).hasMessage("hosting: unknown symbol for enum Hosting").hasMessageNotContaining("MAINFRAME");
    assertThat(e.path()).isEqualTo("hosting");
    assertThat(e.problem()).isEqualTo("unknown symbol for enum Hosting");
  }

  @Test
  void anEventWithoutEventIdIsRejected() {
    ObjectNode event = Fixtures.dataEvent();
    event.remove("eventId");

    assertThat(failure(event, DataEvent.class)).hasMessage("eventId: required field missing");
  }

  @Test
  void anUnknownEnumSymbolIsNotEchoed() {
    ObjectNode event = Fixtures.dataEvent();
    event.put("dataType", CANARY);

    assertThat(failure(event, DataEvent.class))
        .hasMessage("dataType: unknown symbol for enum DataType").hasMessageNotContaining(CANARY);
  }

  @Test
  void jsonNullForANonNullableFieldIsRejected() {
    ObjectNode event = Fixtures.dataEvent();
    event.putNull("orgId");

    assertThat(failure(event, DataEvent.class)).hasMessage("orgId: must not be null");
  }

  @Test
  void jsonNullDoesNotFallBackToTheDefaultOfANonNullableField() {
    ObjectNode settings = Fixtures.orgSettings();
    settings.putNull("products");

    assertThat(failure(settings, OrgSettings.class)).hasMessage("products: must not be null");
  }

  @Test
  void aNumberWhereAStringIsExpectedIsRejectedWithoutTheNumber() {
    ObjectNode event = Fixtures.dataEvent();
    event.put("siteId", 987654321);

    assertThat(failure(event, DataEvent.class))
        .hasMessage("siteId: expected a string, got a JSON integer").hasMessageNotContaining("987654321");
  }

  @Test
  void aWrongTypeInsideAnOptionalFieldNamesTheExpectedType() {
    ObjectNode event = Fixtures.dataEvent();
    event.put("text", true);

    assertThat(failure(event, DataEvent.class)).hasMessage("text: expected a string, got a JSON boolean");
  }

  @Test
  void aBadTimestampIsRejectedWithoutTheText() {
    ObjectNode event = Fixtures.dataEvent();
    event.put("occurredAt", CANARY);

    assertThat(failure(event, DataEvent.class))
        .hasMessage("occurredAt: not an ISO-8601 instant").hasMessageNotContaining(CANARY);
  }

  @Test
  void aTimestampWithoutZoneOrOffsetIsRejectedRatherThanGuessed() {
    ObjectNode event = Fixtures.dataEvent();
    event.put("occurredAt", "2026-09-02T00:00:00");

    assertThat(failure(event, DataEvent.class)).hasMessage("occurredAt: not an ISO-8601 instant");
  }

  @Test
  void aFractionalTimestampNumberIsRejected() {
    ObjectNode event = Fixtures.dataEvent();
    event.put("occurredAt", 1756684800000.5);

    assertThat(failure(event, DataEvent.class)).hasMessage(
        "occurredAt: expected an ISO-8601 instant or epoch milliseconds, got a fractional JSON number");
  }

  @Test
  void aMissingFieldOfANestedRecordNamesItsPath() {
    ObjectNode event = Fixtures.dataEvent();
    event.set("actor", json("{\"displayName\": \"" + CANARY + "\"}"));

    assertThat(failure(event, DataEvent.class))
        .hasMessage("actor.accountId: required field missing").hasMessageNotContaining(CANARY);
  }

  @Test
  void aBadValueInAnArrayOfRecordsNamesTheIndex() {
    ObjectNode settings = Fixtures.orgSettings();
    settings.withArray("products").addObject()
        .put("siteId", "s2").put("app", "jira").put("plan", CANARY);

    assertThat(failure(settings, OrgSettings.class))
        .hasMessage("products[1].plan: unknown symbol for enum Plan").hasMessageNotContaining(CANARY);
  }

  @Test
  void aBadValueInAnArrayOfStringsNamesTheIndex() {
    ObjectNode settings = Fixtures.orgSettings();
    settings.withArray("inAppIncluded").add("app:jira").add(12.5);

    assertThat(failure(settings, OrgSettings.class))
        .hasMessage("inAppIncluded[1]: expected a string, got a fractional JSON number");
  }

  @Test
  void aBadMapValueIsNamedByPositionBecauseItsKeyIsData() {
    ObjectNode event = Fixtures.dataEvent();
    event.set("attributes", json("{\"issueType\": \"bug\", \"" + CANARY + "\": 42}"));

    assertThat(failure(event, DataEvent.class))
        .hasMessage("attributes{1}: expected a string, got a JSON integer").hasMessageNotContaining(CANARY);
  }

  @Test
  void aWrongTypeInANestedRequiredRecordNamesItsPath() {
    ObjectNode settings = Fixtures.orgSettings();
    ((ObjectNode) settings.get("compliance")).put("hipaa", CANARY);

    assertThat(failure(settings, OrgSettings.class))
        .hasMessage("compliance.hipaa: expected a boolean, got a JSON string").hasMessageNotContaining(CANARY);
  }

  @Test
  void anObjectWhereAnArrayIsExpectedIsRejected() {
    ObjectNode settings = Fixtures.orgSettings();
    settings.set("products", json("{\"" + CANARY + "\": 1}"));

    assertThat(failure(settings, OrgSettings.class))
        .hasMessage("products: expected an array, got a JSON object").hasMessageNotContaining(CANARY);
  }

  @Test
  void aScalarWhereARecordIsExpectedIsRejected() {
    ObjectNode event = Fixtures.dataEvent();
    event.put("actor", CANARY);

    assertThat(failure(event, DataEvent.class))
        .hasMessage("actor: expected an object (record Actor), got a JSON string").hasMessageNotContaining(CANARY);
  }

  @Test
  void longFieldsTakeOnlyIntegralNumbersInRange() {
    ObjectNode aggregate = json("""
        {"app": "jira", "attribute": "a", "value": "v", "windowStart": 0, "windowEnd": 1,
         "distinctOrgs": 2.5, "records": 1, "policyVersion": "p"}""");
    assertThat(failure(aggregate, ContributionAggregate.class))
        .hasMessage("distinctOrgs: expected an integer, got a fractional JSON number");

    aggregate.put("distinctOrgs", 2).put("records", new BigInteger("98765432109876543210"));
    assertThat(failure(aggregate, ContributionAggregate.class))
        .hasMessage("records: integer out of range for long").hasMessageNotContaining("98765");
  }

  @Test
  void aValueThatIsNotAnObjectIsRejectedAtTheRoot() {
    assertThat(failure(JsonNodeFactory.instance.arrayNode().add(CANARY), DataEvent.class))
        .hasMessage("(root): expected an object (record DataEvent), got a JSON array")
        .hasMessageNotContaining(CANARY);
    assertThat(failure(JsonNodeFactory.instance.nullNode(), DataEvent.class))
        .hasMessage("(root): must not be null");
    assertThat(failure(null, DataEvent.class)).hasMessage("(root): no value");
  }
}
