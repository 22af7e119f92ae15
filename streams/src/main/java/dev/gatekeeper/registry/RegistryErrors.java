package dev.gatekeeper.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Maps an error answer to a typed exception. Confluent error bodies are {@code {"error_code":
 * 40403, "message": "..."}}; Apicurio keeps the codes but writes its own messages, so callers
 * should branch on the type or {@link RegistryException#errorCode()}, not the text.
 */
final class RegistryErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Long registry messages (some quote a whole schema) are cut to keep log lines readable. */
  private static final int MAX_MESSAGE = 300;

  private RegistryErrors() {}

  static RegistryException toException(String what, RegistryHttp.Response response) {
    int status = response.status();
    int code = -1;
    String text = "";
    try {
      JsonNode body = JSON.readTree(response.body());
      if (body != null && body.path("error_code").canConvertToInt()) {
        code = body.path("error_code").intValue();
      }
      if (body != null && body.path("message").isTextual()) {
        text = body.path("message").textValue();
      }
    } catch (Exception e) {
      // Not JSON (a proxy's HTML page, say): the status alone is reported.
    }
    if (text.length() > MAX_MESSAGE) {
      text = text.substring(0, MAX_MESSAGE) + "...";
    }
    String message = what + " answered HTTP " + status + (code >= 0 ? " (error " + code + ")" : "") + (text.isEmpty() ? "" : ": " + text);
    return switch (status) {
      case 404 -> new SchemaNotFoundException(message, status, code, null);
      case 409 -> new IncompatibleSchemaException(message, status, code, null);
      case 422 -> new InvalidSchemaException(message, status, code, null);
      default -> new RegistryException(message, status, code, null);
    };
  }
}
