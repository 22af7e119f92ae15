package dev.gatekeeper.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.serde.ConfluentAvroSerde;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client against a real Apicurio Registry started by {@link RegistryProcess}: ids,
 * look-ups, typed errors, BACKWARD compatibility, and storage that survives a restart. Prints the
 * cold start-up time and the child's resident memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryIT {
  private static final String SUBJECT = "contributions-value";
  private static final Duration READY = Duration.ofSeconds(90);
  private static final String CONTRIBUTION = Contribution.getClassSchema().toString();

  @TempDir static Path dir;

  private RegistryProcess registry;
  private RegistryClient client;
  private int contributionId;

  @BeforeAll
  void start() throws Exception {
    long started = System.nanoTime();
    registry = RegistryProcess.start(RegistryHome.locate(), RegistryDataDir.of(dir), 0, "256m", READY);
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    System.out.printf("registry cold start: %d ms, RSS %s KB (pid %d)%n", millis, rssKb(registry.pid()), registry.pid());
    client = new RegistryClient(RegistrySettings.of(registry.confluentUrl()));
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
    RegistryClient other = new RegistryClient(RegistrySettings.of(registry.confluentUrl()));

    assertThat(other.register(SUBJECT, CONTRIBUTION)).isEqualTo(contributionId);
    assertThat(new Schema.Parser().parse(other.schemaById(contributionId))).isEqualTo(Contribution.getClassSchema());
    assertThat(other.latest(SUBJECT)).hasValueSatisfying(v -> assertThat(v.id()).isEqualTo(contributionId));
    assertThat(other.subjectExists("no-such-subject-value")).isFalse();
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
    Contribution contribution = ConfluentAvroSerdeFixtures.contribution();

    byte[] framed = serde.serializer().serialize("contributions", contribution);

    assertThat(framed[0]).isEqualTo(ConfluentAvroSerde.MAGIC);
    assertThat(ConfluentAvroSerde.schemaId(framed)).isEqualTo(contributionId);
    // A fresh serde and client: the writer schema comes from the registry by id.
    ConfluentAvroSerde<Contribution> reader =
        ConfluentAvroSerde.forValues(Contribution.class, new RegistryClient(RegistrySettings.of(registry.confluentUrl())));
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
    registry.close();
    long started = System.nanoTime();
    registry = RegistryProcess.start(RegistryHome.locate(), RegistryDataDir.of(dir), 0, "256m", READY);
    System.out.printf("registry warm restart: %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    RegistryClient fresh = new RegistryClient(RegistrySettings.of(registry.confluentUrl()));

    assertThat(new Schema.Parser().parse(fresh.schemaById(contributionId))).isEqualTo(Contribution.getClassSchema());
    assertThat(fresh.register(SUBJECT, CONTRIBUTION)).isEqualTo(contributionId);
  }

  /** The Contribution schema with one more field, given as JSON. */
  private static String withField(String fieldJson) {
    int end = CONTRIBUTION.lastIndexOf(']');
    return CONTRIBUTION.substring(0, end) + "," + fieldJson + CONTRIBUTION.substring(end);
  }

  private static String rssKb(long pid) throws IOException, InterruptedException {
    Process ps = new ProcessBuilder(List.of("ps", "-o", "rss=", "-p", Long.toString(pid))).redirectErrorStream(true).start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    ps.waitFor();
    return out.isEmpty() ? "?" : out;
  }
}
