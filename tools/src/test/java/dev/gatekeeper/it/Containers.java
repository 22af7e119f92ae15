package dev.gatekeeper.it;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * The switch between the ITs' two fixtures: child JVMs on 127.0.0.1 by default, Docker containers
 * (Testcontainers) with {@code -Dit.containers=true}. Without a Docker engine the container path
 * skips the test through a JUnit assumption rather than failing it.
 */
final class Containers {
  static final String PROPERTY = "it.containers";
  private static final String UNAVAILABLE =
      "Docker is unavailable: -D" + PROPERTY + "=true runs the broker and registry in Testcontainers, which needs a Docker engine";
  private static final Logger log = LoggerFactory.getLogger(Containers.class);

  private static Boolean dockerAvailable;

  private Containers() {}

  /** Whether {@code -Dit.containers=true} asks for containers. */
  static boolean enabled() {
    return Boolean.getBoolean(PROPERTY);
  }

  /** Aborts the calling test (reported as skipped) when no Docker engine answers. */
  static synchronized void assumeDocker() {
    if (dockerAvailable == null) {
      dockerAvailable = DockerClientFactory.instance().isDockerAvailable();
      if (!dockerAvailable) {
        log.warn("{}; the tests that need one are skipped", UNAVAILABLE);
      }
    }
    Assumptions.assumeTrue(dockerAvailable, UNAVAILABLE);
  }
}
