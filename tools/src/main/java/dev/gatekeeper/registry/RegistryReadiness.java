package dev.gatekeeper.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a starting registry answers {@code GET /health/ready} with 200, failing fast when
 * the process exits first, and then sets the global compatibility level.
 */
final class RegistryReadiness {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration ATTEMPT = Duration.ofSeconds(2);

  private final Process process;
  private final URI base;
  private final Path logFile;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT).build();

  RegistryReadiness(Process process, URI base, Path logFile) {
    this.process = process;
    this.base = base;
    this.logFile = logFile;
  }

  /**
   * Blocks until the registry is ready.
   *
   * @throws RegistryStartException {@code EXITED} if the process ends, {@code TIMED_OUT} after
   *     {@code timeout}; both name the log file
   */
  void await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/ready")).timeout(ATTEMPT).GET().build();
    while (status(ready) != 200) {
      if (process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new RegistryStartException(
            RegistryStartException.Reason.EXITED,
            "the registry process exited with status " + process.exitValue() + " while starting; see " + logFile);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new RegistryStartException(
            RegistryStartException.Reason.TIMED_OUT,
            "the registry did not report ready within " + timeout.toSeconds() + " s; see " + logFile);
      }
    }
  }

  /**
   * Sets the global compatibility level through the Confluent API. Apicurio's default is NONE,
   * which would accept any change; Confluent's, and the one the service's readers rely on, is
   * BACKWARD.
   */
  void setGlobalCompatibility(String level) throws InterruptedException {
    HttpRequest put =
        HttpRequest.newBuilder(base.resolve("/apis/ccompat/v7/config"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
            .build();
    int status = status(put);
    if (status != 200) {
      throw new RegistryStartException(
          RegistryStartException.Reason.NOT_CONFIGURED,
          "the registry answered " + status + " to setting compatibility " + level + "; see " + logFile);
    }
  }

  /** The response status, or -1 when the registry cannot be reached (yet). */
  private int status(HttpRequest request) throws InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }
}
