package dev.gatekeeper.schema.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.schema.Actor;
import dev.gatekeeper.schema.DataEvent;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {

  @Test
  void loadsEachVersionAsACompleteSchemaOfTheRecord() {
    List<Schema> versions = SchemaHistory.released(DataEvent.class);

    assertThat(versions).isNotEmpty().allSatisfy(v -> {
      assertThat(v.getFullName()).isEqualTo("dev.gatekeeper.schema.DataEvent");
      assertThat(v.getField("hosting").schema().getEnumSymbols()).contains("CLOUD");
    });
    assertThat(SchemaHistory.latestReleased(DataEvent.class)).isSameAs(versions.get(versions.size() - 1));
    assertThat(SchemaHistory.released(DataEvent.class)).isSameAs(versions);
  }

  @Test
  void listsTheReleasedRecords() {
    assertThat(SchemaHistory.releasedRecords()).containsExactly(
        "Contribution", "ContributionAggregate", "ContributionDecision", "ContributionDeletion",
        "DataEvent", "OrgSettings", "RevocationReceipt");
  }

  @Test
  void refusesARecordThatWasNeverReleased() {
    assertThatThrownBy(() -> SchemaHistory.released(Actor.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Actor has no released schema in dev/gatekeeper/schema/history/versions.properties");
  }
}
