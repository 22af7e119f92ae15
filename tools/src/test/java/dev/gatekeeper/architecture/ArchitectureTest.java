package dev.gatekeeper.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layout's rules, checked on every module's production classes: the core (policy,
 * de-identification, aggregation) knows nothing of Kafka or Avro's runtime, so it can be tested
 * exhaustively and reused; the service knows nothing of the tools; packages form no cycle.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.gatekeeper");

  /** The packages of the gatekeeper-core module. */
  static final String[] CORE = {"dev.gatekeeper.policy..", "dev.gatekeeper.deid..", "dev.gatekeeper.aggregate.."};

  /** The packages of the service (gatekeeper-streams), which the Docker image ships. */
  static final String[] SERVICE = {
    "dev.gatekeeper.topology..", "dev.gatekeeper.state..", "dev.gatekeeper.serde..",
    "dev.gatekeeper.runtime..", "dev.gatekeeper.ops..", "dev.gatekeeper.config..", "dev.gatekeeper.json..",
    "dev.gatekeeper.api.."
  };

  /** The packages of the tools (gatekeeper-tools) and test fixtures (gatekeeper-testing). */
  static final String[] TOOLS = {
    "dev.gatekeeper.replay..", "dev.gatekeeper.io..", "dev.gatekeeper.export..", "dev.gatekeeper.demo..",
    "dev.gatekeeper.bench..", "dev.gatekeeper.broker..", "dev.gatekeeper.scrubeval..",
    "dev.gatekeeper.testing..", "dev.gatekeeper.model.."
  };

  @Test
  void rulesSeeEveryModulesClasses() {
    // In a reactor build the other modules are jars, in an IDE folders: either way they count.
    for (String name : new String[] {
        "dev.gatekeeper.policy.Policy", "dev.gatekeeper.deid.Scrubber", "dev.gatekeeper.topology.GatekeeperTopology",
        "dev.gatekeeper.testing.GateHarness", "dev.gatekeeper.replay.ReplayRunner", "dev.gatekeeper.cli.Main"}) {
      org.assertj.core.api.Assertions.assertThat(CLASSES.contain(name)).as(name).isTrue();
    }
  }

  @Test
  void coreUsesNoKafkaAndNoAvroRuntimeTypes() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.apache.avro..")
        .because("the policy, de-identification and aggregation are pure functions, tested without a broker")
        .check(CLASSES);
  }

  @Test
  void coreUsesNothingOfTheServiceOrTheTools() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage(concat(SERVICE, TOOLS, new String[] {"dev.gatekeeper.cli.."}))
        .check(CLASSES);
  }

  @Test
  void serviceUsesNothingOfTheCommandLineOrTheTools() {
    noClasses().that().resideInAnyPackage(SERVICE)
        .should().dependOnClassesThat().resideInAnyPackage(concat(TOOLS, new String[] {"dev.gatekeeper.cli.."}))
        .because("the service jar holds no test, broker or tool code")
        .check(CLASSES);
  }

  @Test
  void onlyTheExportWritesParquet() {
    noClasses().that().resideOutsideOfPackage("dev.gatekeeper.export..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.parquet..", "org.apache.hadoop..")
        .because("Parquet is the export's format; the service jar ships neither it nor Hadoop (see the enforcer rule in"
            + " streams/pom.xml)")
        .check(CLASSES);
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("dev.gatekeeper.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  private static String[] concat(String[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream).toArray(String[]::new);
  }
}
