package dev.gatekeeper.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.history.SchemaHistory;
import dev.gatekeeper.testing.Fixtures;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** OrgSettings v2 added changeReason; settings written by a v1 build still read. */
class OrgSettingsUpgradeTest {
  private static final Schema V1 = SchemaHistory.released(OrgSettings.class).get(0);

  private final AvroSerde<OrgSettings> current = AvroSerde.of(OrgSettings.class);
  private final AvroSerde<OrgSettings> asV1 = AvroSerde.writingWith(OrgSettings.class, V1);

  @Test
  void v1IsTheSchemaBeforeChangeReasonAndV2TheCurrentOne() {
    List<Schema> released = SchemaHistory.released(OrgSettings.class);

    assertThat(released).hasSize(2);
    assertThat(V1.getField("changeReason")).isNull();
    assertThat(V1.getFields()).hasSize(OrgSettings.getClassSchema().getFields().size() - 1);
    assertThat(released.get(1)).isEqualTo(OrgSettings.getClassSchema());
  }

  @Test
  void settingsWrittenAsV1DecodeWithoutAChangeReasonAndAllElseEqual() {
    OrgSettings settings = everyFieldSet();

    OrgSettings read = current.decode(asV1.encode(settings));

    assertThat(read.getChangeReason()).isNull();
    assertThat(read).isEqualTo(OrgSettings.newBuilder(settings).setChangeReason(null).build());
  }

  @Test
  void writingAsV1PutsV1sFingerprintInTheHeader() {
    byte[] bytes = asV1.encode(everyFieldSet());

    long fingerprint = ByteBuffer.wrap(Arrays.copyOfRange(bytes, 2, 10)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(fingerprint)
        .isEqualTo(SchemaNormalization.parsingFingerprint64(V1))
        .isNotEqualTo(SchemaNormalization.parsingFingerprint64(OrgSettings.getClassSchema()));
  }

  @Test
  void theCurrentSchemaKeepsTheChangeReason() {
    OrgSettings settings = everyFieldSet();

    assertThat(current.decode(current.encode(settings))).isEqualTo(settings);
  }

  private static OrgSettings everyFieldSet() {
    return Fixtures.settings("o1", "2026-09-01T00:00:00Z")
        .cloud(CloudEnvironment.GOVERNMENT)
        .product("s1", "jira", Plan.PREMIUM)
        .trial("s2", "confluence", Plan.ENTERPRISE)
        .metadata(ContributionSetting.ON)
        .inApp(ContributionSetting.OFF)
        .include("app:jira")
        .exclude("container:HR")
        .government(true)
        .excludedOffering("rovo")
        .region("eu")
        .changeReason("trial ended; legal asked to stop in-app")
        .build();
  }
}
