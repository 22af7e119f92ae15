package dev.gatekeeper.api;

/** An org's stores stopped being queryable while a request read them (a rebalance began); ask again. */
public final class StateUnavailable extends RuntimeException {
  public StateUnavailable(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
