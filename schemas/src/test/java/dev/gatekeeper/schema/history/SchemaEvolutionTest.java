package dev.gatekeeper.schema.history;

import static dev.gatekeeper.schema.history.SchemaEvolution.Role.OUTPUT;
import static dev.gatekeeper.schema.history.SchemaEvolution.Role.READ_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDecision;
import dev.gatekeeper.schema.OrgSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The evolution rules bite: deliberately incompatible candidates against made-up histories. The
 * candidates are edits of released v1 schemas, which never change.
 */
class SchemaEvolutionTest {
  private static final Schema SETTINGS = SchemaHistory.released(OrgSettings.class).get(0);
  private static final Schema CONTRIBUTION = SchemaHistory.released(Contribution.class).get(0);
  private static final Schema DECISION = SchemaHistory.released(ContributionDecision.class).get(0);

  @Test
  void aNewRequiredFieldWithoutADefaultCannotReadOldData() {
    Schema candidate = changed(SETTINGS, fields -> fields.add(requiredString("addedWithoutDefault")));

    assertThat(SchemaEvolution.incompatibilities("OrgSettings", READ_BACK, candidate, List.of(SETTINGS)))
        .singleElement().asString()
        .startsWith("OrgSettings: the current schema cannot read data written with released v1: ")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE at /fields/10: addedWithoutDefault");
  }

  @Test
  void removingAFieldWithoutADefaultFromAnOutputBreaksOlderDownstreamReaders() {
    Schema candidate = changed(CONTRIBUTION, fields -> fields.removeIf(f -> f.name().equals("app")));

    assertThat(SchemaEvolution.incompatibilities("Contribution", OUTPUT, candidate, List.of(CONTRIBUTION)))
        .singleElement().asString()
        .startsWith("Contribution: released v1 (an older downstream reader) cannot read data written"
            + " with the current schema: ")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE at /fields/4: app");
  }

  @Test
  void removingAFieldIsFineForARecordOnlyTheGatekeeperReads() {
    Schema candidate = changed(SETTINGS, fields -> fields.removeIf(f -> f.name().equals("orgId")));

    assertThat(SchemaEvolution.incompatibilities("OrgSettings", READ_BACK, candidate, List.of(SETTINGS))).isEmpty();
  }

  @Test
  void changingAFieldsTypeBreaksBothDirections() {
    Schema candidate = changed(DECISION, fields -> fields.replaceAll(f -> f.name().equals("reason")
        ? new Schema.Field("reason", Schema.create(Schema.Type.LONG), f.doc()) : f));

    List<String> problems =
        SchemaEvolution.incompatibilities("ContributionDecision", OUTPUT, candidate, List.of(DECISION));

    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("ContributionDecision: the current schema cannot read data written with released v1: ")
        .contains("TYPE_MISMATCH at /fields/3/type: reader type: LONG not compatible with writer type: STRING");
    assertThat(problems.get(1)).startsWith("ContributionDecision: released v1 (an older downstream reader)")
        .contains("TYPE_MISMATCH at /fields/3/type: reader type: STRING not compatible with writer type: LONG");
  }

  @Test
  void onlyTheVersionsThatCannotBeReadAreNamed() {
    Schema v2 = changed(SETTINGS, fields -> fields.add(requiredString("addedWithoutDefault")));

    assertThat(SchemaEvolution.incompatibilities("OrgSettings", READ_BACK, v2, List.of(SETTINGS, v2)))
        .singleElement().asString()
        .contains("released v1")
        .doesNotContain("v2");
  }

  @Test
  void anOptionalFieldAppendedWithADefaultIsCompatibleBothWaysAndAsksToBeReleased() {
    Schema candidate = changed(CONTRIBUTION, fields -> fields.add(new Schema.Field("note",
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)), null,
        JsonProperties.NULL_VALUE)));

    assertThat(SchemaEvolution.incompatibilities("Contribution", OUTPUT, candidate, List.of(CONTRIBUTION))).isEmpty();
    assertThat(SchemaEvolution.unreleasedChange("Contribution", candidate, List.of(CONTRIBUTION)))
        .hasValue("Contribution differs compatibly from its latest released version v1; release it as v2"
            + " with `mvn -B -pl schemas test -Dtest=SchemaHistoryCheckTest -Dschemas.release=true`"
            + " and commit Contribution/v2.avsc");
  }

  @Test
  void aSchemaEqualToItsLatestReleaseNeedsNoRelease() {
    assertThat(SchemaEvolution.unreleasedChange("OrgSettings", SETTINGS, List.of(SETTINGS))).isEmpty();
  }

  @Test
  void aRecordWithoutHistoryAsksForItsFirstRelease() {
    assertThat(SchemaEvolution.unreleasedChange("OrgSettings", SETTINGS, List.of())).get().asString()
        .startsWith("OrgSettings has no released version; release the current schema as v1 with `mvn ")
        .endsWith("and commit OrgSettings/v1.avsc");
  }

  private static Schema.Field requiredString(String name) {
    return new Schema.Field(name, Schema.create(Schema.Type.STRING));
  }

  /** A copy of {@code base} with its fields edited by {@code edit}. */
  private static Schema changed(Schema base, Consumer<List<Schema.Field>> edit) {
    List<Schema.Field> fields = new ArrayList<>();
    base.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    edit.accept(fields);
    return Schema.createRecord(base.getName(), base.getDoc(), base.getNamespace(), false, fields);
  }
}
