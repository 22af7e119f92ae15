package dev.gatekeeper.registry;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the unpacked Apicurio Registry distribution lives: the directory holding {@value
 * #RUNNER_JAR} and its {@code lib/}.
 *
 * <p>Looked up in order: the system property {@value #PROPERTY}, the environment variable
 * {@value #ENV}, then {@code apicurio/} beside the directory or jar this class was loaded from.
 * The build unpacks the distribution into {@code tools/target/apicurio/}, next to both {@code
 * target/classes} (tests) and {@code target/gatekeeper.jar} (the launcher), so the last rule is
 * the one that normally applies.
 */
public final class RegistryHome {
  /** The Apicurio version the build unpacks; the runner jar's name depends on it. */
  public static final String VERSION = "2.6.13.Final";

  static final String RUNNER_JAR = "apicurio-registry-app-" + VERSION + "-runner.jar";
  static final String PROPERTY = "gatekeeper.registry.home";
  static final String ENV = "GATEKEEPER_REGISTRY_HOME";

  private final Path dir;

  private RegistryHome(Path dir) {
    this.dir = dir;
  }

  /**
   * The distribution found by the rules above.
   *
   * @throws RegistryStartException {@code DISTRIBUTION_MISSING}, naming where it looked and how
   *     to get it
   */
  public static RegistryHome locate() {
    Path dir = configured().orElseGet(RegistryHome::besideCodeSource);
    return at(dir);
  }

  /** The distribution in {@code dir}, checked to contain the runner jar. */
  public static RegistryHome at(Path dir) {
    Path normalized = dir.toAbsolutePath().normalize();
    if (!Files.isRegularFile(normalized.resolve(RUNNER_JAR))) {
      throw new RegistryStartException(
          RegistryStartException.Reason.DISTRIBUTION_MISSING,
          "no Apicurio Registry " + VERSION + " in " + normalized + " (expected " + RUNNER_JAR
              + "); build it with 'mvn -pl tools -am package -DskipTests', or point " + ENV
              + " at an unpacked io.apicurio:apicurio-registry-app:" + VERSION + ":tar.gz:all");
    }
    return new RegistryHome(normalized);
  }

  public Path dir() {
    return dir;
  }

  /** The Quarkus runner jar; its manifest class path names everything in {@code lib/}. */
  public Path runnerJar() {
    return dir.resolve(RUNNER_JAR);
  }

  private static Optional<Path> configured() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    String env = System.getenv(ENV);
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(Path.of(env));
  }

  private static Path besideCodeSource() {
    try {
      Path location = Path.of(RegistryHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // target/classes or target/gatekeeper.jar: either way the parent is target/.
      return location.toAbsolutePath().getParent().resolve("apicurio");
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Path.of("tools", "target", "apicurio");
    }
  }
}
