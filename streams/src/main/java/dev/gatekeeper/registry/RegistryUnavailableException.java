package dev.gatekeeper.registry;

/** No usable answer after every retry: connection refused or reset, a time-out, or 5xx each time; status is the last 5xx or -1. */
public final class RegistryUnavailableException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public RegistryUnavailableException(String message, int status, int errorCode, Throwable cause) {
    super(message, status, errorCode, cause);
  }
}
