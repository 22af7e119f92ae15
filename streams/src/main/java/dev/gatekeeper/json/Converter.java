package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts between plain JSON and the Java form one Avro schema has in a generated class.
 *
 * <p>Implementations are immutable and thread-safe; one tree of them is built per record class
 * and shared by all callers.
 */
interface Converter {

  /**
   * @param json a present JSON value (possibly JSON null, never Java null)
   * @return the Java value the generated class stores for this schema
   * @throws ConversionFailure if {@code json} does not fit the schema
   */
  Object read(JsonNode json);

  /**
   * @param value a value of a valid record, of the Java type {@link #read} produces
   * @return its plain-JSON form
   */
  JsonNode write(Object value);

  /**
   * Checks {@code json} against the schema without stopping at the first problem: every problem
   * found goes to {@code found}, with its path. Containers override it to go on past a bad
   * element; a leaf reports its one problem.
   *
   * @param json a present JSON value (possibly JSON null, never Java null)
   */
  default void check(JsonNode json, ProblemCollector found) {
    try {
      read(json);
    } catch (ConversionFailure failure) {
      found.add(failure);
    }
  }
}
