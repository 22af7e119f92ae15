package dev.gatekeeper.registry;

import dev.gatekeeper.broker.FreePorts;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Apicurio Registry in a child JVM on 127.0.0.1, serving the Confluent API at {@link
 * #confluentUrl()} with BACKWARD compatibility set globally and its storage in a file-backed H2
 * database, so schemas and ids survive restarts on the same {@link RegistryDataDir}.
 *
 * <p>The child dies with this JVM: {@link #close()} or the shutdown hook sends SIGTERM (Quarkus
 * then closes the database), and {@link RegistryWatchdog} covers a parent that is killed.
 */
public final class RegistryProcess implements AutoCloseable {
  /** Quarkus's legacy-jar entry point, as named by the runner jar's manifest. */
  static final String MAIN_CLASS = "io.quarkus.runner.GeneratedMain";

  private static final Logger log = LoggerFactory.getLogger(RegistryProcess.class);
  private static final Duration GRACE = Duration.ofSeconds(20);

  private final Process process;
  private final int port;
  private final RegistryDataDir dataDir;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook;

  private RegistryProcess(Process process, int port, RegistryDataDir dataDir) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.shutdownHook = new Thread(this::stop, "registry-shutdown");
  }

  /**
   * Starts a registry and waits until it is ready and configured.
   *
   * @param port the HTTP port on 127.0.0.1; 0 picks a free one
   * @param maxHeap the child's {@code -Xmx}, e.g. {@code 256m}
   * @param timeout how long to wait for readiness; a cold first start can take 20 s on a busy
   *     machine, so allow 60 s or more
   * @throws RegistryStartException when the distribution is missing, the port is taken, the
   *     directory is unusable, or the child exits or times out
   */
  public static RegistryProcess start(RegistryHome home, RegistryDataDir dataDir, int port, String maxHeap, Duration timeout)
      throws InterruptedException {
    int chosen = port == 0 ? FreePorts.pick(1).get(0) : port;
    if (!FreePorts.isFree(chosen)) {
      throw new RegistryStartException(
          RegistryStartException.Reason.PORT_IN_USE, "port " + chosen + " on " + FreePorts.HOST + " is already in use");
    }
    long started = System.nanoTime();
    Process child;
    try {
      child =
          new ProcessBuilder(command(home, dataDir, chosen, maxHeap))
              .directory(dataDir.root().toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.logFile().toFile()))
              .start();
      child.getOutputStream().close();
    } catch (IOException e) {
      throw new RegistryStartException(RegistryStartException.Reason.EXITED, "cannot start the registry JVM: " + e, e);
    }
    RegistryProcess registry = new RegistryProcess(child, chosen, dataDir);
    // Registered before waiting, so an interrupted or failed start leaves nothing behind.
    Runtime.getRuntime().addShutdownHook(registry.shutdownHook);
    try {
      RegistryReadiness readiness = new RegistryReadiness(child, registry.baseUrl(), dataDir.logFile());
      readiness.await(timeout);
      readiness.setGlobalCompatibility("BACKWARD");
    } catch (RuntimeException | InterruptedException e) {
      registry.close();
      throw e;
    }
    log.info("registry ready at {} (pid {}, data {}) in {} ms", registry.baseUrl(), child.pid(), dataDir,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return registry;
  }

  private static List<String> command(RegistryHome home, RegistryDataDir dataDir, int port, String maxHeap) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    // A development registry serves little traffic: a small collector and C1 only start it
    // about a second faster and keep its memory down.
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dquarkus.http.host=" + FreePorts.HOST);
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.datasource.jdbc.url=" + dataDir.jdbcUrl());
    command.add("-cp");
    command.add(dataDir.writeWatchdog() + File.pathSeparator + home.runnerJar());
    command.add(RegistryWatchdog.class.getName());
    command.add(Long.toString(ProcessHandle.current().pid()));
    command.add(MAIN_CLASS);
    return command;
  }

  /** {@code http://127.0.0.1:PORT}, the registry's root (health, UI, native API). */
  public URI baseUrl() {
    return URI.create("http://" + FreePorts.HOST + ":" + port);
  }

  /** The Confluent-compatible API root that Confluent clients take as their registry URL. */
  public URI confluentUrl() {
    return URI.create(baseUrl() + "/apis/ccompat/v7");
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
  }

  public RegistryDataDir dataDir() {
    return dataDir;
  }

  /** Blocks until the child exits, returning its status. */
  public int awaitExit() throws InterruptedException {
    return process.waitFor();
  }

  /** Whether {@link #close()} (or the shutdown hook) has run. */
  public boolean isClosed() {
    return closed.get();
  }

  /** Stops the registry: SIGTERM, up to 20 s for Quarkus to close its database, then SIGKILL. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook finds the registry stopped.
    }
  }

  private void stop() {
    if (!closed.compareAndSet(false, true) || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("registry pid {} still running {} s after SIGTERM; killing it", process.pid(), GRACE.toSeconds());
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
