package dev.gatekeeper.registry;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Entry point of the registry's child JVM: {@code RegistryWatchdog PARENT_PID MAIN_CLASS ARGS...}
 * runs {@code MAIN_CLASS.main(ARGS)} and exits as soon as process {@code PARENT_PID} is gone.
 *
 * <p>The broker's {@link dev.gatekeeper.broker.ParentWatchdog} does the same job but logs through
 * SLF4J and is loaded from the gatekeeper jar; the registry's class path is Apicurio's own, which
 * must not see our jar (two Kafka, Jackson and SLF4J versions would meet). So this class uses
 * the JDK only, and {@link RegistryProcess} copies its single class file into the data
 * directory and puts just that folder before Apicurio's runner jar.
 */
public final class RegistryWatchdog {
  /** Exit status when the parent was already gone at start-up. */
  static final int PARENT_GONE = 3;

  private RegistryWatchdog() {}

  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: RegistryWatchdog PARENT_PID MAIN_CLASS [ARGS...]");
      System.exit(2);
    }
    long parentPid = Long.parseLong(args[0]);
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty() || !parent.get().isAlive()) {
      System.err.println("registry watchdog: parent process " + parentPid + " is already gone; not starting");
      System.exit(PARENT_GONE);
    }
    parent
        .get()
        .onExit()
        .thenRun(
            () -> {
              System.err.println("registry watchdog: parent process " + parentPid + " is gone; shutting down");
              // Exiting runs Quarkus's shutdown hook, so the registry still closes its database.
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
