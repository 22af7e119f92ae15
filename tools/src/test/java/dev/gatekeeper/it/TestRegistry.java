package dev.gatekeeper.it;

import java.net.URI;
import java.nio.file.Path;

/**
 * A schema registry with the Confluent API and BACKWARD compatibility set globally, for an
 * integration test. By default Apicurio Registry 2.6.13 as a child JVM ({@link
 * dev.gatekeeper.registry.RegistryProcess}) keeping its schemas in a file under the given
 * directory; with {@code -Dit.containers=true} the official {@code apicurio-registry-mem} image of
 * the same version in a Testcontainers container, which keeps them in memory.
 */
public interface TestRegistry extends AutoCloseable {
  /** The Confluent-compatible API root, {@code http://host:port/apis/ccompat/v7}. */
  URI url();

  /** Whether {@link #restart()} keeps schemas and ids. */
  boolean keepsSchemasAcrossRestarts();

  /**
   * Stops the registry and starts it again on the same storage; {@link #url()} may change.
   *
   * @throws UnsupportedOperationException when {@link #keepsSchemasAcrossRestarts()} is false
   */
  void restart() throws InterruptedException;

  /** Stops the registry. */
  @Override
  void close();

  /**
   * Starts a registry and waits until it is ready and configured.
   *
   * @param dataDir the child JVM's data directory (new or empty); unused by a container
   * @throws org.opentest4j.TestAbortedException on the container path when Docker is unavailable,
   *     so that the calling test is skipped
   */
  static TestRegistry start(Path dataDir) throws InterruptedException {
    return Containers.enabled() ? ContainerRegistry.start() : ProcessRegistry.start(dataDir);
  }
}
