package dev.gatekeeper.json;

import static dev.gatekeeper.json.Fixtures.encodeAndDecode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.DataEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** timestamp-millis fields read ISO-8601 or epoch millis and are written as UTC ISO-8601. */
class PlainJsonTimestampTest {

  private static DataEvent eventAt(ObjectNode event) throws Exception {
    return PlainJson.fromJson(event, DataEvent.class);
  }

  private static String occurredAtOf(DataEvent event) {
    return PlainJson.toJson(event).get("occurredAt").textValue();
  }

  @Test
  void anIsoInstantInUtcIsRead() throws Exception {
    ObjectNode event = Fixtures.dataEvent();
    event.put("occurredAt", "2026-09-01T10:00:00Z");

    assertThat(eventAt(event).getOccurredAt()).isEqualTo(Instant.parse("2026-09-01T10:00:00Z"));
  }

  @Test
  void anIsoDateTimeWithAnOffsetIsReadAndWrittenBackInUtc() throws Exception {
    ObjectNode event = Fixtures.dataEvent();
    event.put("occurredAt", "2026-09-01T12:00:00+02:00");

    DataEvent converted = eventAt(event);

    assertThat(converted.getOccurredAt()).isEqualTo(Instant.parse("2026-09-01T10:00:00Z"));
    assertThat(occurredAtOf(converted)).isEqualTo("2026-09-01T10:00:00Z");
  }

  @Test
  void epochMillisecondsAreReadAndWrittenAsIso() throws Exception {
    ObjectNode event = Fixtures.dataEvent();
    event.put("occurredAt", 1788256800123L);

    DataEvent converted = eventAt(event);

    assertThat(converted.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1788256800123L));
    assertThat(occurredAtOf(converted)).isEqualTo("2026-09-01T10:00:00.123Z");
  }

  @Test
  void bothInputFormsGiveEqualRecordsThatSurviveTheGeneratedCodec() throws Exception {
    ObjectNode iso = Fixtures.dataEvent();
    ObjectNode millis = Fixtures.dataEvent();
    millis.put("occurredAt", Instant.parse("2026-09-02T00:00:00Z").toEpochMilli());

    DataEvent fromIso = eventAt(iso);
    DataEvent fromMillis = eventAt(millis);

    assertThat(fromMillis).isEqualTo(fromIso);
    assertThat(encodeAndDecode(fromMillis)).isEqualTo(fromIso);
  }

  @Test
  void millisecondsArePreservedAndFinerPrecisionIsTruncated() throws Exception {
    ObjectNode event = Fixtures.dataEvent();
    event.put("occurredAt", "2026-09-01T10:00:00.123456789Z");

    DataEvent converted = eventAt(event);

    assertThat(converted.getOccurredAt()).isEqualTo(Instant.parse("2026-09-01T10:00:00.123Z"));
    assertThat(occurredAtOf(converted)).isEqualTo("2026-09-01T10:00:00.123Z");
  }

  @Test
  void instantsBeforeTheEpochRoundTrip() throws Exception {
    ObjectNode event = Fixtures.dataEvent();
    event.put("occurredAt", -1L);

    assertThat(occurredAtOf(eventAt(event))).isEqualTo("1969-12-31T23:59:59.999Z");
  }

  @Test
  void anInstantSetInJavaWithNanosecondsIsWrittenAtMillisecondPrecision() {
    ContributionDecision decision = ContributionDecision.newBuilder()
        .setEventId("e").setOrgId("o").setOutcome(dev.gatekeeper.schema.Outcome.DROPPED)
        .setReason("r").setDecidedAt(Instant.parse("2026-09-01T10:00:00Z")).setPolicyVersion("p")
        .build();
    // The generated setter truncates; put() does not, so this is what a careless caller can make.
    decision.put(5, Instant.parse("2026-09-01T10:00:00.987654Z"));

    assertThat(PlainJson.toJson(decision).get("decidedAt").textValue())
        .isEqualTo("2026-09-01T10:00:00.987Z");
  }

  @Test
  void aLongWithoutTheLogicalTypeStaysANumber() throws Exception {
    ContributionDecision decision = PlainJson.fromJson(Fixtures.json("""
        {"eventId": "e", "orgId": "o", "outcome": "DROPPED", "reason": "r",
         "decidedAt": "2026-09-01T10:00:00Z", "settingsVersion": 1788256800000,
         "policyVersion": "p"}"""), ContributionDecision.class);

    assertThat(decision.getSettingsVersion()).isEqualTo(1788256800000L);
    assertThat(PlainJson.toJson(decision).get("settingsVersion").isIntegralNumber()).isTrue();
  }
}
