package dev.gatekeeper.broker;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the broker's child JVM: {@code ParentWatchdog PARENT_PID MAIN_CLASS ARGS...}
 * runs {@code MAIN_CLASS.main(ARGS)} and exits the JVM as soon as process {@code PARENT_PID} is
 * gone.
 *
 * <p>The parent's shutdown hook stops the broker when the parent ends normally or on SIGTERM or
 * Ctrl-C; this watchdog covers the cases no hook sees (SIGKILL, a crashed JVM, a test runner that
 * kills its fork), so that no broker outlives the process that started it. Exiting runs the
 * broker's own shutdown hook, so even then it stops cleanly.
 */
public final class ParentWatchdog {
  /** Exit status when the parent was already gone at start-up. */
  static final int PARENT_GONE = 3;

  private static final Logger log = LoggerFactory.getLogger(ParentWatchdog.class);

  private ParentWatchdog() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: ParentWatchdog PARENT_PID MAIN_CLASS [ARGS...]");
      System.exit(2);
    }
    long parentPid = Long.parseLong(args[0]);
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty() || !parent.get().isAlive()) {
      log.warn("parent process {} is already gone; not starting {}", parentPid, args[1]);
      System.exit(PARENT_GONE);
    }
    parent
        .get()
        .onExit()
        .thenRun(
            () -> {
              log.warn("parent process {} is gone; shutting down", parentPid);
              System.exit(0);
            });
    try {
      Class.forName(args[1])
          .getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
