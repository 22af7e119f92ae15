package dev.gatekeeper.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/** Shared test inputs and helpers. */
final class Fixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Stands for personal data: must never appear in an error message. */
  static final String CANARY = "canary-secret-value";

  /** The value of a real replay line on data-events. */
  static final String DATA_EVENT = """
      {"eventId": "e1", "orgId": "o1", "siteId": "s1", "app": "jira", "connectorId": null,
       "connectorKind": null, "hosting": "CLOUD", "dataType": "IN_APP", "containerId": null,
       "occurredAt": "2026-09-02T00:00:00Z", "actor": null, "attributes": {}, "text": null}""";

  /** The value of a real replay line on org-settings, normalized: every field spelled out. */
  static final String ORG_SETTINGS = """
      {"orgId": "o1", "cloudEnvironment": "COMMERCIAL",
       "products": [{"siteId": "s1", "app": "jira", "plan": "FREE", "trial": false}],
       "compliance": {"hipaa": false, "governmentEntity": false, "educationalInstitution": false,
                      "regulatedFinancialServices": false, "excludedOfferings": []},
       "metadataContribution": null, "inAppContribution": null, "inAppIncluded": [],
       "inAppExcluded": [], "residencyRegion": null, "updatedAt": "2026-09-01T00:00:00Z",
       "changeReason": null}""";

  private Fixtures() {}

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("bad test JSON", e);
    }
  }

  /** A fresh copy of the data-event fixture, for tests that change one property. */
  static ObjectNode dataEvent() {
    return json(DATA_EVENT);
  }

  static ObjectNode orgSettings() {
    return json(ORG_SETTINGS);
  }

  /**
   * Re-parses serialized JSON, so that trees compare by content: Jackson's node equality tells a
   * long node from an int node of the same number, but the serialized text does not.
   */
  static JsonNode normalized(JsonNode json) {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(json));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unserializable JSON", e);
    }
  }

  /** Encodes with the generated class's own encoder and decodes with its own decoder. */
  @SuppressWarnings("unchecked")
  static <T extends SpecificRecord> T encodeAndDecode(T record) throws Exception {
    Class<?> type = record.getClass();
    BinaryMessageEncoder<T> encoder = (BinaryMessageEncoder<T>) type.getMethod("getEncoder").invoke(null);
    BinaryMessageDecoder<T> decoder = (BinaryMessageDecoder<T>) type.getMethod("getDecoder").invoke(null);
    ByteBuffer bytes = encoder.encode(record);
    return trustingSchemaPackage(() -> decoder.decode(bytes));
  }

  /**
   * Runs {@code action} while Avro trusts the generated classes' package, then restores Avro's
   * previous trust policy. Avro's own decoder loads those classes by name and, since 1.12,
   * refuses unless they are trusted; the converter under test must not depend on that, so the
   * trust is granted only around decoding instead of through a system property for the whole run.
   * Synchronized so that overlapping calls cannot restore each other's policy out of order.
   */
  static synchronized <T> T trustingSchemaPackage(Callable<T> action) throws Exception {
    ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(
        type -> type.getName().startsWith("dev.gatekeeper.schema.") || previous.isTrusted(type));
    try {
      return action.call();
    } finally {
      ClassSecurityValidator.setGlobal(previous);
    }
  }
}
