package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Internal, unchecked form of {@link PlainJsonException} that collects its path while it unwinds.
 *
 * <p>Converters throw it with the problem only; each enclosing record, array or map adds its own
 * segment on the way out. That keeps path bookkeeping off the happy path, which matters at
 * ~100k records/s. It has no stack trace because it is control flow that always ends in
 * {@link #toException()}.
 */
final class ConversionFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Deque<String> segments = new ArrayDeque<>();
  private final String problem;

  private ConversionFailure(String problem) {
    super(problem, null, false, false);
    this.problem = problem;
  }

  /** A failure described by {@code problem}, which must not contain the offending value. */
  static ConversionFailure of(String problem) {
    return new ConversionFailure(problem);
  }

  /**
   * The failure for a JSON value of the wrong shape: "must not be null" for JSON null, otherwise
   * "expected X, got a JSON string" — the JSON type is named, never the value.
   */
  static ConversionFailure mismatch(String expected, JsonNode json) {
    if (json.isNull()) {
      return new ConversionFailure("must not be null");
    }
    return new ConversionFailure("expected " + expected + ", got " + describe(json));
  }

  /** Names the JSON type of {@code json} for messages, without its content. */
  private static String describe(JsonNode json) {
    switch (json.getNodeType()) {
      case STRING: return "a JSON string";
      case NUMBER: return json.isIntegralNumber() ? "a JSON integer" : "a fractional JSON number";
      case BOOLEAN: return "a JSON boolean";
      case OBJECT: return "a JSON object";
      case ARRAY: return "a JSON array";
      case NULL: return "JSON null";
      default: return "a non-JSON value";
    }
  }

  /** Prefixes the path with a record field name. */
  ConversionFailure inField(String name) {
    segments.addFirst(name);
    return this;
  }

  /** Prefixes the path with an array index. */
  ConversionFailure atIndex(int index) {
    segments.addFirst("[" + index + "]");
    return this;
  }

  /** Prefixes the path with the position of a map entry (its key is data, so it is not used). */
  ConversionFailure atEntry(int position) {
    segments.addFirst("{" + position + "}");
    return this;
  }

  /** The public, checked form with the collected path. */
  PlainJsonException toException() {
    return toException(List.of());
  }

  /** The public form with {@code prefix} (outer segments, outermost first) before the collected path. */
  PlainJsonException toException(List<String> prefix) {
    StringBuilder path = new StringBuilder();
    List<String> all = new ArrayList<>(prefix);
    all.addAll(segments);
    for (String segment : all) {
      // Avro names never start with '[' or '{', so those segments are the index/entry ones.
      boolean attached = segment.startsWith("[") || segment.startsWith("{");
      if (!attached && path.length() > 0) {
        path.append('.');
      }
      path.append(segment);
    }
    return new PlainJsonException(path.toString(), problem);
  }
}
