package dev.gatekeeper.broker;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running broker child process and how to stop it: SIGTERM, a grace period, then SIGKILL. */
final class BrokerProcess {
  private static final Logger log = LoggerFactory.getLogger(BrokerProcess.class);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final Process process;

  BrokerProcess(Process process) {
    this.process = process;
  }

  long pid() {
    return process.pid();
  }

  Process process() {
    return process;
  }

  /**
   * Stops the process and waits for it to be gone. SIGTERM lets the broker flush and close its
   * logs, so that the next start on the same directory skips log recovery; SIGKILL follows only
   * when {@code grace} runs out.
   *
   * <p>If the calling thread is interrupted while waiting, the process is killed at once and the
   * interrupt flag is restored: a stop never leaves the broker running.
   *
   * @return whether it stopped within the grace period
   */
  boolean stop(Duration grace) {
    if (!process.isAlive()) {
      return true;
    }
    long started = System.nanoTime();
    process.destroy();
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.info("broker pid {} stopped in {} ms", process.pid(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        return true;
      }
      log.warn("broker pid {} still running {} s after SIGTERM; killing it", process.pid(), grace.toSeconds());
      process.destroyForcibly();
      if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.error("broker pid {} survived SIGKILL for {} s", process.pid(), KILL_WAIT.toSeconds());
      }
    } catch (InterruptedException e) {
      log.warn("interrupted while stopping broker pid {}; killing it", process.pid());
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    return false;
  }
}
