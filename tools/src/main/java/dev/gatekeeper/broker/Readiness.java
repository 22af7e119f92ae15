package dev.gatekeeper.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/**
 * Waits until a starting broker answers an AdminClient {@code describeCluster} with at least one
 * node, which in KRaft means the broker has registered and been unfenced: topics can be created
 * and transactions used. Fails fast when the process exits first.
 */
final class Readiness {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration ATTEMPT = Duration.ofSeconds(3);

  private final Process process;
  private final int port;
  private final Path logFile;

  Readiness(Process process, int port, Path logFile) {
    this.process = process;
    this.port = port;
    this.logFile = logFile;
  }

  /**
   * Blocks until the broker is ready.
   *
   * @throws BrokerStartException {@code EXITED} if the process ends, {@code TIMED_OUT} after
   *     {@code timeout}; both name the log file
   */
  void await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    // Wait for the listener before creating a client: an AdminClient polling a closed port logs
    // a warning for every attempt.
    while (!accepts()) {
      pause(deadline, timeout);
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, FreePorts.HOST + ":" + port);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "gatekeeper-broker-readiness");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis());
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis());
    try (Admin admin = Admin.create(props)) {
      while (!describesNodes(admin)) {
        pause(deadline, timeout);
      }
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(FreePorts.HOST, port), (int) POLL.toMillis());
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean describesNodes(Admin admin) throws InterruptedException {
    try {
      Collection<Node> nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) ATTEMPT.toMillis()))
              .nodes()
              .get(ATTEMPT.toMillis(), TimeUnit.MILLISECONDS);
      return !nodes.isEmpty();
    } catch (ExecutionException | TimeoutException e) {
      // Not ready yet (still registering, or the controller is electing itself): try again.
      return false;
    }
  }

  private static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
  }

  /** Waits one poll interval, returning early if the process exits, which is then reported. */
  private void pause(long deadline, Duration timeout) throws InterruptedException {
    if (process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new BrokerStartException(
          BrokerStartException.Reason.EXITED,
          "the broker process exited with status " + process.exitValue() + " while starting; see " + logFile
              + BrokerLog.describeLastError(logFile));
    }
    if (System.nanoTime() - deadline > 0) {
      throw new BrokerStartException(
          BrokerStartException.Reason.TIMED_OUT,
          "the broker did not answer describeCluster within " + describe(timeout) + "; see " + logFile
              + BrokerLog.describeLastError(logFile));
    }
  }
}
