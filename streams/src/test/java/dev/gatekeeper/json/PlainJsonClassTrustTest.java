package dev.gatekeeper.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.schema.Actor;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.Hosting;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The converter needs no Avro class allow list (org.apache.avro.SERIALIZABLE_PACKAGES), yet only
 * ever instantiates generated record and enum classes.
 *
 * <p>Each test replaces Avro's process-wide trust policy with one that trusts nothing, hence
 * {@link Isolated}: nothing else may decode Avro meanwhile if tests ever run in parallel.
 */
@Isolated
class PlainJsonClassTrustTest {
  private ClassSecurityPredicate previous;

  @BeforeEach
  void trustNoClassAtAll() {
    previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(type -> false);
  }

  @AfterEach
  void restoreAvroTrust() {
    ClassSecurityValidator.setGlobal(previous);
  }

  @Test
  void avroItselfRefusesTheGeneratedClassesUnderThisPolicy() {
    assertThatThrownBy(() -> new SpecificData().getClass(Actor.getClassSchema()))
        .isInstanceOf(SecurityException.class);
  }

  @Test
  void nestedRecordsAndEnumsAreConvertedWithoutAvroTrustingTheirClasses() {
    // Compiled afresh, so that no converter cached by an earlier test hides a class lookup.
    RecordConverter converter = ConverterCompiler.compile(DataEvent.class);
    var input = Fixtures.dataEvent();
    input.set("actor", Fixtures.json("{\"accountId\": \"a1\"}"));

    DataEvent event = (DataEvent) converter.read(input);

    assertThat(event.getHosting()).isEqualTo(Hosting.CLOUD);
    assertThat(event.getActor()).isInstanceOf(Actor.class);
  }

  @Test
  void aSchemaNameThatIsNotAGeneratedRecordIsRefused() {
    Schema impostor = Schema.createRecord("PlainJson", null, "dev.gatekeeper.json", false, List.of());

    assertThatThrownBy(() -> new GeneratedClasses(DataEvent.class).recordFactory(impostor))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a generated Avro record");
  }

  @Test
  void anEnumClassWithOtherSymbolsIsRefused() {
    Schema impostor = Schema.createEnum("Hosting", null, "dev.gatekeeper.schema", List.of("ONLY"));

    assertThatThrownBy(() -> new GeneratedClasses(DataEvent.class).enumClass(impostor))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the generated enum");
  }
}
