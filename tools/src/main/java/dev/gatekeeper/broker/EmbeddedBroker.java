package dev.gatekeeper.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process) running in a
 * child JVM started from this JVM's class path, which must contain {@code kafka_2.13}: for
 * development, demos and integration tests.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #start} returns only once the broker answers an AdminClient {@code
 *       describeCluster}; otherwise it throws a {@link BrokerStartException} naming the log file
 *       and leaves no process behind.
 *   <li>It listens on {@value FreePorts#HOST} only, PLAINTEXT, and all internal topics have one
 *       replica (transactions and {@code exactly_once_v2} work). Topics are not auto-created.
 *   <li>The child's standard output and error go to {@link #logFile()}, never to this process's.
 *   <li>A given data directory is formatted on first use and kept; without one, a temporary
 *       directory is used and deleted by {@link #close()} (kept if the start fails, for its log).
 *   <li>{@link #close()} stops the child (SIGTERM, up to {@value #GRACE_SECONDS} s, then SIGKILL)
 *       and is idempotent. A shutdown hook does the same if this JVM exits first, and the child
 *       exits by itself if this JVM is killed outright (see {@link ParentWatchdog}).
 * </ul>
 */
public final class EmbeddedBroker implements AutoCloseable {
  static final long GRACE_SECONDS = 15;
  private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);





  private final DataDir dataDir;
  private final int port;
  private int sslPort;
  private final BrokerProcess process;
  private final Thread shutdownHook;
  // Volatile rather than guarded: awaitExit() callers read it while close() holds the lock.
  private volatile boolean closed;

  private EmbeddedBroker(DataDir dataDir, int port, BrokerProcess process) {
    this.dataDir = dataDir;
    this.port = port;
    this.process = process;
    this.shutdownHook = new Thread(this::closeFromHook, "gatekeeper-broker-shutdown-" + process.pid());
  }

  /**
   * Starts a broker and waits until it is ready.
   *
   * @throws BrokerStartException if the port or data directory is taken, formatting fails, or
   *     the broker exits or is not ready within {@link BrokerOptions#startTimeout()}
   */
  public static EmbeddedBroker start(BrokerOptions options) {
    // Ports first: a taken port must not leave a temporary directory behind.
    int port;
    int controllerPort;
    if (options.port() == 0) {
      List<Integer> ports = FreePorts.pick(2);
      port = ports.get(0);
      controllerPort = ports.get(1);
    } else {
      if (!FreePorts.isFree(options.port())) {
        throw new BrokerStartException(
            BrokerStartException.Reason.PORT_IN_USE, "port " + options.port() + " on " + FreePorts.HOST + " is already in use");
      }
      port = options.port();
      controllerPort = FreePorts.pick(2).stream().filter(p -> p != port).findFirst().orElseThrow();
    }
    int sslPort = options.ssl() == null
        ? 0
        : FreePorts.pick(3).stream().filter(p -> p != port && p != controllerPort).findFirst().orElseThrow();
    DataDir dir = options.dataDir() == null ? DataDir.temporary() : DataDir.persistent(options.dataDir());
    if (dir.isLockedByAnotherProcess()) {
      throw new BrokerStartException(
          BrokerStartException.Reason.DATA_DIR_IN_USE,
          "the broker data directory " + dir + " is in use by another running broker");
    }
    try {
      BrokerProperties props = BrokerProperties.builder()
          .brokerPort(port)
          .controllerPort(controllerPort)
          .logDir(dir.kafkaDir())
          .extra(options.brokerProperties());
      if (options.ssl() != null) {
        props.sslListener(sslPort, options.ssl().keystore(), options.ssl().password());
      }
      props.writeTo(dir.serverProperties());
      ChildJvm jvm = new ChildJvm(jvmOptions(options), dir.jvmArgsFile(), dir.logFile());
      if (!dir.isFormatted()) {
        format(jvm, dir);
      }
      EmbeddedBroker broker = launch(jvm, dir, port, options.startTimeout());
      broker.sslPort = sslPort;
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the broker in " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the broker in " + dir, e);
    }
  }

  private static List<String> jvmOptions(BrokerOptions options) {
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx" + options.maxHeap());
    jvm.add("-XX:+ExitOnOutOfMemoryError");
    jvm.add("-Djava.awt.headless=true");
    // The child logs through whatever SLF4J binding the class path has; with slf4j-simple, an
    // application's simplelogger.properties would apply to the broker too, so set what it
    // needs explicitly (system properties win over the file).
    jvm.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    jvm.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
    jvm.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    jvm.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
    jvm.add("-Dorg.slf4j.simpleLogger.showThreadName=false");
    jvm.addAll(options.jvmOptions());
    return jvm;
  }

  private static void format(ChildJvm jvm, DataDir dir) throws IOException, InterruptedException {
    long started = System.nanoTime();
    String clusterId = Uuid.randomUuid().toString();
    BrokerLog.mark(dir.logFile(), "formatting storage, cluster id " + clusterId);
    Process format =
        jvm.start("kafka.tools.StorageTool", List.of("format", "-t", clusterId, "-c", dir.serverProperties().toString()));
    try {
      if (!format.waitFor(FORMAT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new BrokerStartException(
            BrokerStartException.Reason.FORMAT_FAILED,
            "formatting the broker storage took over " + FORMAT_TIMEOUT.toSeconds() + " s; see " + dir.logFile());
      }
    } finally {
      if (format.isAlive()) {
        format.destroyForcibly().waitFor();
      }
    }
    if (format.exitValue() != 0) {
      throw new BrokerStartException(
          BrokerStartException.Reason.FORMAT_FAILED,
          "formatting the broker storage failed with status " + format.exitValue() + "; see " + dir.logFile()
              + BrokerLog.describeLastError(dir.logFile()));
    }
    log.info("formatted broker storage in {} ({} ms)", dir.kafkaDir(), millisSince(started));
  }

  private static EmbeddedBroker launch(ChildJvm jvm, DataDir dir, int port, Duration timeout)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    BrokerLog.mark(dir.logFile(), "starting broker on " + FreePorts.HOST + ":" + port);
    BrokerProcess process = new BrokerProcess(jvm.start("kafka.Kafka", List.of(dir.serverProperties().toString())));
    EmbeddedBroker broker = new EmbeddedBroker(dir, port, process);
    // Registered before waiting, so an interrupted or killed start leaves nothing behind.
    Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
    try {
      new Readiness(process.process(), port, dir.logFile()).await(timeout);
    } catch (RuntimeException | InterruptedException e) {
      broker.abandon();
      throw e;
    }
    log.info(
        "broker ready at {} (pid {}, data {}) in {} ms", broker.bootstrapServers(), process.pid(), dir, millisSince(started));
    return broker;
  }

  /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return FreePorts.HOST + ":" + port;
  }

  /** {@code 127.0.0.1:PORT} of the SSL listener; only with {@link BrokerOptions#withSslListener}. */
  public String sslBootstrapServers() {
    if (sslPort == 0) {
      throw new IllegalStateException("this broker was started without an SSL listener");
    }
    return FreePorts.HOST + ":" + sslPort;
  }

  /** The child's standard output and error: Kafka's own log. */
  public Path logFile() {
    return dataDir.logFile();
  }

  /** The data directory (temporary ones are gone after {@link #close()}). */
  public Path dataDir() {
    return dataDir.root();
  }

  /** The child process id. */
  public long pid() {
    return process.pid();
  }

  /**
   * Blocks until the child process exits, for whatever reason (including {@link #close()} from
   * another thread or the shutdown hook).
   *
   * @return its exit status
   */
  public int awaitExit() throws InterruptedException {
    return process.process().waitFor();
  }

  /** Whether {@link #close()} has begun, so an exit of the child was asked for. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Stops the broker and waits until its process is gone (see the class contract); then deletes
   * a temporary data dir. Does nothing when called again.
   */
  @Override
  public void close() {
    stop(true, true);
  }

  private void closeFromHook() {
    stop(false, true);
  }

  /** After a failed start: stop the child but keep a temporary directory, for its log. */
  private void abandon() {
    stop(true, false);
  }

  private synchronized void stop(boolean removeHook, boolean deleteTemporary) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      process.stop(Duration.ofSeconds(GRACE_SECONDS));
    } finally {
      if (removeHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down; the hook finds the broker closed.
        }
      }
    }
    if (deleteTemporary && dataDir.isTemporary() && !process.process().isAlive()) {
      try {
        dataDir.delete();
      } catch (IOException e) {
        log.warn("could not delete the temporary broker directory {}: {}", dataDir, e.toString());
      }
    }
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
  }
}
