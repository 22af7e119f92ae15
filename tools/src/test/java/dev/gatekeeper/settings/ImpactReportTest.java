package dev.gatekeeper.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The admin API's preview as the lines an admin reads before confirming. */
class ImpactReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode preview(String json) throws Exception {
    return JSON.readTree(json.replace('\'', '"'));
  }

  @Test
  void saysWhatIsRevokedWhyAndWhichWindowOpens() throws Exception {
    JsonNode p = preview("{'liveContributions': 6, 'ignored': false,"
        + " 'revocations': {'total': 3, 'byReason': {'PRODUCT_NOT_ACTIVE': 2, 'IN_APP_OFF': 1}},"
        + " 'reviewWindow': {'opens': true, 'until': '2026-10-03T00:00:00Z', 'fromPlan': 'ENTERPRISE', 'toPlan': 'STANDARD'},"
        + " 'startsContributing': [], 'stopsContributing': [{'app': 'confluence', 'dataType': 'METADATA'}],"
        + " 'startsAfterReviewWindow': [{'app': 'jira', 'dataType': 'IN_APP'}]}");
    assertThat(ImpactReport.revocations(p)).isEqualTo(3);
    assertThat(ImpactReport.ignoredBecause(p)).isNull();
    assertThat(ImpactReport.lines(p, "10.0.0.2:8090")).containsExactly(
        "impact now (computed by the gatekeeper instance that owns the org, 10.0.0.2:8090, from its 6 live contributions):",
        "  revokes 3 live contributions: PRODUCT_NOT_ACTIVE 2, IN_APP_OFF 1",
        "  review window: opens until 2026-10-03T00:00:00Z (highest plan ENTERPRISE -> STANDARD); what the plan before forbade waits until then",
        "  starts contributing: nothing",
        "  stops contributing: confluence METADATA",
        "  starts when the review window ends: jira IN_APP");
  }

  @Test
  void saysWhenTheRecordWouldBeIgnored() throws Exception {
    JsonNode p = preview("{'liveContributions': 1, 'ignored': true, 'ignoredBecause': 'its updatedAt is older',"
        + " 'revocations': {'total': 0, 'byReason': {}}, 'reviewWindow': {'opens': false, 'until': null}}");
    assertThat(ImpactReport.ignoredBecause(p)).isEqualTo("its updatedAt is older");
    assertThat(ImpactReport.lines(p, "h:1")).endsWith("  ignored: its updatedAt is older");
  }

  @Test
  void aWindowAlreadyOpenStays() throws Exception {
    JsonNode p = preview("{'liveContributions': 0, 'ignored': false, 'revocations': {'total': 0, 'byReason': {}},"
        + " 'reviewWindow': {'opens': false, 'until': '2026-10-03T00:00:00Z'}, 'startsContributing': [], 'stopsContributing': []}");
    assertThat(ImpactReport.lines(p, "h:1")).contains("  revokes 0 live contributions",
        "  review window: none opened; the one open until 2026-10-03T00:00:00Z stays");
  }
}
