package dev.gatekeeper.export;

/**
 * An export that cannot be made correctly: bad input (directory, manifest, topic) or a topic whose
 * history no longer supports the request. The message says what to do and never quotes record
 * data. Nothing is published when it is thrown.
 */
public final class ExportException extends Exception {
  public ExportException(String message) {
    super(message);
  }

  public ExportException(String message, Throwable cause) {
    super(message, cause);
  }
}
