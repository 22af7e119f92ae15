package dev.gatekeeper.cli;

/**
 * Thrown by a command when the cluster (or another service it needs) cannot be reached; the
 * message says what was tried and what to check. Exit status 3.
 */
public final class Unreachable extends RuntimeException {
  public Unreachable(String message) {
    super(message);
  }
}
