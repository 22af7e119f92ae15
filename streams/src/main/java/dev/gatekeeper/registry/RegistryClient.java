package dev.gatekeeper.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A client of a schema registry's Confluent API ({@code /subjects}, {@code /schemas/ids}, {@code
 * /config}) on the JDK's HTTP client, for Avro schemas.
 *
 * <p>Successful answers are cached for the life of the client: ids by subject and schema text,
 * and schema text by id. Both are immutable in a registry (an id always names the same schema,
 * and registering the same schema under a subject always gives the same id), so the cache is
 * never stale. It is unbounded: a service owns a handful of subjects and reads a few writer
 * versions, and failed look-ups are not cached, so unknown ids cannot grow it.
 *
 * <p>Errors are typed: {@link SchemaNotFoundException} (404), {@link IncompatibleSchemaException}
 * (409), {@link InvalidSchemaException} (422), {@link RegistryUnavailableException} (no answer or
 * 5xx after the retries), and {@link RegistryException} for any other status. Thread-safe.
 */
public final class RegistryClient implements SchemaRegistry {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A subject's version: the registry-wide schema id, the version number and the schema text. */
  public record SubjectVersion(String subject, int version, int id, String schema) {}

  /** Confluent compatibility levels. */
  public enum Compatibility { NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE }

  private record SubjectSchema(String subject, String schema) {}

  private final RegistryHttp http;
  private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  public RegistryClient(RegistrySettings settings) {
    this.http = new RegistryHttp(settings);
  }

  /**
   * Registers {@code schema} under {@code subject}, or finds it there already.
   *
   * @return the registry-wide id of the schema
   * @throws IncompatibleSchemaException if the subject's compatibility level refuses it
   * @throws InvalidSchemaException if the registry cannot parse it
   */
  @Override
  public int register(String subject, String schema) {
    return idOf(subject, schema, "/subjects/" + encode(subject) + "/versions");
  }

  /**
   * Looks {@code schema} up under {@code subject} ({@code POST /subjects/{subject}}) without
   * registering it.
   *
   * @return the registry-wide id of the schema
   * @throws SchemaNotFoundException if the subject does not exist or does not hold the schema
   */
  @Override
  public int lookup(String subject, String schema) {
    return idOf(subject, schema, "/subjects/" + encode(subject));
  }

  /**
   * The registry's global compatibility level ({@code GET /config}): a cheap call that tells
   * whether the registry answers at all.
   */
  public String globalCompatibility() {
    JsonNode answer = expectOk("GET", "/config", Optional.empty());
    JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.get("compatibility");
    if (level == null || !level.isTextual()) {
      throw new RegistryException("GET /config answered without a compatibility level", -1, -1, null);
    }
    return level.textValue();
  }

  /**
   * The schema text with registry id {@code id}.
   *
   * @throws SchemaNotFoundException if no schema has that id
   */
  @Override
  public String schemaById(int id) {
    String cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    String path = "/schemas/ids/" + id;
    JsonNode answer = expectOk("GET", path, Optional.empty());
    String schema = requiredText(answer, "schema", "GET " + path);
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  /**
   * The latest version under {@code subject}, or empty when the subject does not exist. Not
   * cached: a subject gains versions.
   */
  public Optional<SubjectVersion> latest(String subject) {
    String path = "/subjects/" + encode(subject) + "/versions/latest";
    JsonNode answer;
    try {
      answer = expectOk("GET", path, Optional.empty());
    } catch (SchemaNotFoundException e) {
      return Optional.empty();
    }
    String what = "GET " + path;
    return Optional.of(new SubjectVersion(subject, requiredInt(answer, "version", what), requiredInt(answer, "id", what), requiredText(answer, "schema", what)));
  }

  /** Whether {@code subject} has at least one version. */
  public boolean subjectExists(String subject) {
    return latest(subject).isPresent();
  }

  /** Sets the compatibility level of {@code subject}, overriding the registry's global one. */
  public void setCompatibility(String subject, Compatibility level) {
    ObjectNode body = JSON.createObjectNode().put("compatibility", level.name());
    expectOk("PUT", "/config/" + encode(subject), Optional.of(body.toString()));
  }

  /** The id a POST of {@code schema} to {@code path} answers (register or look up), cached by subject and schema. */
  private int idOf(String subject, String schema, String path) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    ObjectNode body = JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema);
    JsonNode answer = expectOk("POST", path, Optional.of(body.toString()));
    int id = requiredInt(answer, "id", "POST " + path);
    idsBySubjectSchema.put(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  private JsonNode expectOk(String method, String path, Optional<String> body) {
    RegistryHttp.Response response = http.send(method, path, body);
    if (response.status() / 100 == 2) {
      return parse(response.body(), method + " " + path);
    }
    throw RegistryErrors.toException(method + " " + path, response);
  }

  private static JsonNode parse(String body, String what) {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new RegistryException(what + " answered with a body that is not JSON", -1, -1, null);
    }
  }

  private static int requiredInt(JsonNode answer, String field, String what) {
    JsonNode value = answer.get(field);
    if (value == null || !value.canConvertToInt()) {
      throw new RegistryException(what + " answered without an integer '" + field + "'", -1, -1, null);
    }
    return value.intValue();
  }

  private static String requiredText(JsonNode answer, String field, String what) {
    JsonNode value = answer.get(field);
    if (value == null || !value.isTextual()) {
      throw new RegistryException(what + " answered without a string '" + field + "'", -1, -1, null);
    }
    return value.textValue();
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
