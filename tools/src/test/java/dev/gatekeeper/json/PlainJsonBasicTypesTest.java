package dev.gatekeeper.json;

import static dev.gatekeeper.json.Fixtures.CANARY;
import static dev.gatekeeper.json.Fixtures.json;
import static dev.gatekeeper.json.Fixtures.normalized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Types and shapes the service's schemas do not use, exercised through {@link PlainJsonSample}. */
class PlainJsonBasicTypesTest {

  private static final String FULL = """
      {"count": -7, "ratio": 1.25, "score": 2.5E-3, "blob": "AAEC/w==", "choice": "text",
       "number": 2.5, "tags": {"a": [1, 2], "b": []}, "at": "2026-09-01T10:00:00Z",
       "next": {"count": 1, "ratio": 0.5, "score": 0.0, "blob": "", "choice": 42,
                "number": null, "tags": {}, "at": null, "next": null}}""";

  @Test
  void everyBasicTypeSurvivesTheRoundTrip() throws Exception {
    PlainJsonSample sample = PlainJson.fromJson(json(FULL), PlainJsonSample.class);

    assertThat(normalized(PlainJson.toJson(sample))).isEqualTo(json(FULL));
  }

  @Test
  void valuesHaveTheJavaTypesTheRecordExpects() throws Exception {
    PlainJsonSample sample = PlainJson.fromJson(json(FULL), PlainJsonSample.class);
    PlainJsonSample next = (PlainJsonSample) sample.get(8);

    assertThat(sample.get(0)).isEqualTo(-7);
    assertThat(sample.get(1)).isEqualTo(1.25f);
    assertThat(sample.get(2)).isEqualTo(0.0025);
    assertThat(sample.get(3)).isEqualTo(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff}));
    assertThat(sample.get(4)).isEqualTo("text");
    assertThat(next.get(4)).isEqualTo(42L);
    assertThat(sample.get(5)).isEqualTo(2.5);
    assertThat(sample.get(6)).isEqualTo(Map.of("a", List.of(1, 2), "b", List.of()));
    // PlainJsonSample's model has no time conversion, so the timestamp is held as epoch millis.
    assertThat(sample.get(7)).isEqualTo(1788256800000L);
  }

  @Test
  void omittedBasicFieldsTakeTheirDefaults() throws Exception {
    PlainJsonSample sample = PlainJson.fromJson(json("{}"), PlainJsonSample.class);

    assertThat(sample.get(0)).isEqualTo(0);
    assertThat(sample.get(1)).isEqualTo(0.5f);
    assertThat(sample.get(3)).isEqualTo(ByteBuffer.wrap(new byte[] {(byte) 0xff}));
    assertThat(sample.get(6)).isEqualTo(Map.of());
    assertThat(sample.get(8)).isNull();
  }

  @Test
  void aUnionWithSeveralBranchesPicksTheBranchByJsonType() throws Exception {
    assertThat(PlainJson.fromJson(json("{\"choice\": \"7\"}"), PlainJsonSample.class).get(4)).isEqualTo("7");
    assertThat(PlainJson.fromJson(json("{\"choice\": 7}"), PlainJsonSample.class).get(4)).isEqualTo(7L);
    assertThat(PlainJson.fromJson(json("{\"choice\": null}"), PlainJsonSample.class).get(4)).isNull();
  }

  @Test
  void aValueNoUnionBranchTakesIsRejected() {
    assertThatThrownBy(() -> PlainJson.fromJson(json("{\"choice\": true}"), PlainJsonSample.class))
        .isInstanceOf(PlainJsonException.class)
        .hasMessage("choice: expected a string or an integer or null, got a JSON boolean");
  }

  @Test
  void aValueSeveralUnionBranchesTakeIsRejectedAsAmbiguous() {
    assertThatThrownBy(() -> PlainJson.fromJson(json("{\"number\": 123456}"), PlainJsonSample.class))
        .isInstanceOf(PlainJsonException.class)
        .hasMessage("number: ambiguous union value: a JSON integer fits both an integer and a number")
        .hasMessageNotContaining("123456");
  }

  @Test
  void intsAreRangeChecked() {
    assertThatThrownBy(() -> PlainJson.fromJson(json("{\"count\": 3000000000}"), PlainJsonSample.class))
        .isInstanceOf(PlainJsonException.class)
        .hasMessage("count: integer out of range for int");
  }

  @Test
  void floatsAreRangeChecked() {
    assertThatThrownBy(() -> PlainJson.fromJson(json("{\"ratio\": 1e300}"), PlainJsonSample.class))
        .isInstanceOf(PlainJsonException.class)
        .hasMessage("ratio: number out of range for float");
  }

  @Test
  void nonFiniteNumbersRoundTripAsJacksonWritesThem() throws Exception {
    ObjectNode input = json("{\"score\": \"NaN\", \"ratio\": \"-Infinity\"}");

    PlainJsonSample sample = PlainJson.fromJson(input, PlainJsonSample.class);
    ObjectNode output = (ObjectNode) normalized(PlainJson.toJson(sample));

    assertThat(sample.get(2)).isEqualTo(Double.NaN);
    assertThat(output.get("score").textValue()).isEqualTo("NaN");
    assertThat(output.get("ratio").textValue()).isEqualTo("-Infinity");
  }

  @Test
  void invalidBase64IsRejectedWithoutTheText() {
    assertThatThrownBy(() -> PlainJson.fromJson(json("{\"blob\": \"" + CANARY + "\"}"), PlainJsonSample.class))
        .isInstanceOf(PlainJsonException.class)
        .hasMessage("blob: not valid base64")
        .hasMessageNotContaining(CANARY);
  }

  @Test
  void errorPathsReachThroughRecursionMapsAndArrays() {
    String input = "{\"next\": {\"next\": {\"tags\": {\"x\": [1], \"" + CANARY + "\": [1, \"2\"]}}}}";

    assertThatThrownBy(() -> PlainJson.fromJson(json(input), PlainJsonSample.class))
        .isInstanceOf(PlainJsonException.class)
        .hasMessage("next.next.tags{1}[1]: expected an integer, got a JSON string")
        .hasMessageNotContaining(CANARY);
  }
}
