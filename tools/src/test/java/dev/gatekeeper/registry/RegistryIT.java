package dev.gatekeeper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatekeeper.it.TestRegistry;
import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client against a real Apicurio Registry ({@link TestRegistry}: {@link
 * RegistryProcess} by default, a container with {@code -Dit.containers=true}): ids, look-ups,
 * typed errors, BACKWARD compatibility, and RegistryProcess's storage surviving a restart. Prints
 * the cold start-up time and, for the child JVM, its resident memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryIT {
  private static final String SUBJECT = "contributions-value";
  private static final String CONTRIBUTION = Contribution.getClassSchema().toString();

  @TempDir static Path dir;

  private TestRegistry registry;
  private RegistryClient client;
  private int contributionId;

  /**
   * Started by the first test rather than in {@code @BeforeAll}, so that a skip (containers asked
   * for, no Docker) is reported for each test; {@code @AfterAll} stops it.
   */
  @BeforeEach
  void start() throws Exception {
    if (registry != null) {
      return;
    }
    long started = System.nanoTime();
    registry = TestRegistry.start(dir);
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    System.out.printf("registry cold start: %d ms, %s%n", millis, registry);
    client = new RegistryClient(RegistrySettings.of(registry.url()));
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  @Order(1)
  void theSameSchemaGetsTheSameIdAndReadsBackAsAnEqualAvroSchema() {
    contributionId = client.register(SUBJECT, CONTRIBUTION);
    // A fresh client: the second answer comes from the registry, not this client's cache.
    RegistryClient other = new RegistryClient(RegistrySettings.of(registry.url()));

    assertThat(other.register(SUBJECT, CONTRIBUTION)).isEqualTo(contributionId);
    assertThat(new Schema.Parser().parse(other.schemaById(contributionId))).isEqualTo(Contribution.getClassSchema());
    assertThat(other.latest(SUBJECT)).hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(contributionId));
    assertThat(other.subjectExists("no-such-subject-value")).isFalse();
  }

  @Test
  @Order(2)
  void aLookUpFindsARegisteredSchemaWithoutRegisteringAndRefusesAnUnregisteredOne() {
    // A fresh client: no cache answers for the registry.
    RegistryClient fresh = new RegistryClient(RegistrySettings.of(registry.url()));
    assertThat(fresh.lookup(SUBJECT, CONTRIBUTION)).isEqualTo(contributionId);
    assertThatThrownBy(() -> fresh.lookup("never-registered-value", CONTRIBUTION)).isInstanceOf(SchemaNotFoundException.class);
    assertThatThrownBy(() -> fresh.lookup(SUBJECT, withField("{\"name\":\"other\",\"type\":[\"null\",\"string\"],\"default\":null}")))
        .isInstanceOf(SchemaNotFoundException.class);
    assertThat(fresh.latest("never-registered-value")).as("a look-up registers nothing").isEmpty();
  }

  @Test
  @Order(2)
  void anUnknownIdIsATypedNotFound() {
    assertThatThrownBy(() -> client.schemaById(987_654))
        .isInstanceOfSatisfying(SchemaNotFoundException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  @Order(3)
  void theConfluentSerdeFramesWithTheRegisteredIdAndRoundTrips() {
    ConfluentAvroSerde<Contribution> serde = ConfluentAvroSerde.forValues(Contribution.class, client);
    Contribution contribution = dev.gatekeeper.testing.Fixtures.contribution("c-1", "v1").setActorToken("actor-token").build();

    byte[] framed = serde.serializer().serialize("contributions", contribution);

    assertThat(framed[0]).isEqualTo(ConfluentAvroSerde.MAGIC);
    assertThat(ConfluentAvroSerde.schemaId(framed)).isEqualTo(contributionId);
    // A fresh serde and client: the writer schema comes from the registry by id.
    ConfluentAvroSerde<Contribution> reader =
        ConfluentAvroSerde.forValues(Contribution.class, new RegistryClient(RegistrySettings.of(registry.url())));
    assertThat(reader.deserializer().deserialize("contributions", framed)).isEqualTo(contribution);
  }

  @Test
  @Order(4)
  void backwardCompatibilityRefusesARequiredFieldAndAcceptsAnOptionalOne() {
    client.setCompatibility(SUBJECT, RegistryClient.Compatibility.BACKWARD);

    assertThatThrownBy(() -> client.register(SUBJECT, withField("{\"name\":\"batch\",\"type\":\"string\"}")))
        .isInstanceOfSatisfying(IncompatibleSchemaException.class, e -> assertThat(e.status()).isEqualTo(409));
    int optional = client.register(SUBJECT, withField("{\"name\":\"batch\",\"type\":[\"null\",\"string\"],\"default\":null}"));
    assertThat(optional).isNotEqualTo(contributionId);
    assertThat(client.latest(SUBJECT)).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(2));
  }

  @Test
  @Order(5)
  void anInvalidSchemaIsATypedInvalid() {
    assertThatThrownBy(() -> client.register("broken-value", "{\"type\":\"record\",\"name\":\"X\"}"))
        .isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  @Order(6)
  void afterARestartOnTheSameDirectoryTheIdStillNamesTheSchema() throws Exception {
    assumeTrue(registry.keepsSchemasAcrossRestarts(),
        "restarts are RegistryProcess's file-backed storage; the " + registry + " keeps schemas in memory");
    long started = System.nanoTime();
    registry.restart();
    System.out.printf("registry warm restart: %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    RegistryClient fresh = new RegistryClient(RegistrySettings.of(registry.url()));

    assertThat(new Schema.Parser().parse(fresh.schemaById(contributionId))).isEqualTo(Contribution.getClassSchema());
    assertThat(fresh.register(SUBJECT, CONTRIBUTION)).isEqualTo(contributionId);
  }

  /** The Contribution schema with one more field, given as JSON. */
  private static String withField(String fieldJson) {
    int end = CONTRIBUTION.lastIndexOf(']');
    return CONTRIBUTION.substring(0, end) + "," + fieldJson + CONTRIBUTION.substring(end);
  }
}
