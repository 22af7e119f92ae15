package dev.gatekeeper.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@link Manifest} as JSON: offsets keyed by partition number as a string, the instant in ISO-8601,
 * absent files as {@code null}. Reading is strict about what it needs and ignores fields it does
 * not know, so later versions may add some.
 */
public final class ManifestJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ManifestJson() {}

  public static String toJson(Manifest m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", m.kind().id());
    n.put("topic", m.topic());
    n.put("topicId", m.topicId());
    n.put("format", m.format().id());
    n.set("endOffsets", offsets(m.endOffsets()));
    n.set("sinceOffsets", m.sinceOffsets() == null ? n.nullNode() : offsets(m.sinceOffsets()));
    n.put("records", m.records());
    n.put("deletions", m.deletions());
    m.policyVersions().forEach(n.putArray("policyVersions")::add);
    n.put("gatekeeperPolicyVersion", m.gatekeeperPolicyVersion());
    n.put("createdAt", m.createdAt().toString());
    ObjectNode files = n.putObject("files");
    files.put("records", m.files().records());
    files.put("deletions", m.files().deletions());
    try {
      return MAPPER.writeValueAsString(n) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a manifest", e);
    }
  }

  /**
   * @throws ExportException if the file cannot be read or is not a valid manifest; the message
   *     names the file and the problem
   */
  public static Manifest read(Path file) throws ExportException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExportException("cannot read the manifest " + file + " (" + e.getClass().getSimpleName()
          + "); pass the manifest.json of a complete earlier export to --since");
    }
    try {
      return parse(text);
    } catch (IllegalArgumentException e) {
      throw new ExportException("the manifest " + file + " is not valid: " + e.getMessage()
          + "; pass the manifest.json of a complete earlier export to --since, or run a full export");
    }
  }

  /** @throws IllegalArgumentException saying what is wrong */
  public static Manifest parse(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON");
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Manifest.Kind kind = switch (text(n, "kind")) {
      case "full" -> Manifest.Kind.FULL;
      case "incremental" -> Manifest.Kind.INCREMENTAL;
      default -> throw new IllegalArgumentException("kind must be full or incremental");
    };
    // Read in the documented field order, so the first problem reported is the first in the file.
    String topic = text(n, "topic");
    String topicId = text(n, "topicId");
    Format format = Format.of(text(n, "format"));
    SortedMap<Integer, Long> end = offsets(field(n, "endOffsets"), "endOffsets");
    JsonNode sinceNode = field(n, "sinceOffsets");
    SortedMap<Integer, Long> since = sinceNode.isNull() ? null : offsets(sinceNode, "sinceOffsets");
    long records = number(n, "records");
    long deletions = number(n, "deletions");
    List<String> policyVersions = strings(field(n, "policyVersions"), "policyVersions");
    String policyVersion = text(n, "gatekeeperPolicyVersion");
    Instant createdAt = instant(n, "createdAt");
    JsonNode files = field(n, "files");
    Manifest.FileNames names = new Manifest.FileNames(text(files, "records"), optionalText(files, "deletions"));
    return new Manifest(kind, topic, topicId, format, end, since, records, deletions, policyVersions, policyVersion, createdAt, names);
  }

  private static ObjectNode offsets(SortedMap<Integer, Long> offsets) {
    ObjectNode o = MAPPER.createObjectNode();
    offsets.forEach((p, offset) -> o.put(Integer.toString(p), offset));
    return o;
  }

  private static SortedMap<Integer, Long> offsets(JsonNode node, String name) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(name + " must be an object of partition to offset");
    }
    SortedMap<Integer, Long> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      int partition;
      try {
        partition = Integer.parseInt(e.getKey());
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException(name + " has a key that is not a partition number");
      }
      if (!e.getValue().canConvertToExactIntegral() || !e.getValue().canConvertToLong()) {
        throw new IllegalArgumentException(name + " of partition " + partition + " is not a whole number");
      }
      out.put(partition, e.getValue().longValue());
    }
    return out;
  }

  private static JsonNode field(JsonNode n, String name) {
    JsonNode v = n.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    return v;
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = field(n, name);
    if (!v.isTextual()) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return v.textValue();
  }

  private static String optionalText(JsonNode n, String name) {
    return field(n, name).isNull() ? null : text(n, name);
  }

  private static long number(JsonNode n, String name) {
    JsonNode v = field(n, name);
    if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw new IllegalArgumentException(name + " must be a whole number");
    }
    return v.longValue();
  }

  private static Instant instant(JsonNode n, String name) {
    try {
      return Instant.parse(text(n, name));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 instant such as 2026-09-01T10:00:00Z");
    }
  }

  private static List<String> strings(JsonNode node, String name) {
    if (!node.isArray()) {
      throw new IllegalArgumentException(name + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : node) {
      if (!v.isTextual()) {
        throw new IllegalArgumentException(name + " must be an array of strings");
      }
      out.add(v.textValue());
    }
    return out;
  }
}
