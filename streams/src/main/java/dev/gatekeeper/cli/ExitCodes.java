package dev.gatekeeper.cli;

/**
 * The exit codes of every {@code gatekeeper} command, in one place (README "Exit codes"). A
 * script may rely on them: 0 success, 1 a failure the user cannot fix by changing the command,
 * 2 bad input or configuration (the message says what to fix), 3 the cluster is unreachable or
 * not ready.
 */
public final class ExitCodes {
  /** The command did what it was asked. */
  public static final int OK = 0;
  /** An internal error, or a check that found a problem (e.g. {@code scrub-eval --check}). */
  public static final int FAILURE = 1;
  /** Bad input, option or configuration; the message says what to fix. */
  public static final int USER_ERROR = 2;
  /** The broker (or a service the command needs) is unreachable or not ready. */
  public static final int UNREACHABLE = 3;

  private ExitCodes() {}
}
