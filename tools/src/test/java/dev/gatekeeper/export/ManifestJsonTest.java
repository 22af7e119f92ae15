package dev.gatekeeper.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static SortedMap<Integer, Long> offsets(long... values) {
    SortedMap<Integer, Long> m = new TreeMap<>();
    for (int p = 0; p < values.length; p++) {
      m.put(p, values[p]);
    }
    return m;
  }

  static Manifest full(String topic, Instant createdAt, long... ends) {
    return new Manifest(Manifest.Kind.FULL, topic, "topic-id-1", Format.AVRO, offsets(ends), null, 40, 0,
        List.of("v2", "v1"), "policy-2026-08-17", createdAt, Manifest.FileNames.of(Manifest.Kind.FULL, Format.AVRO));
  }

  static Manifest incremental() {
    return new Manifest(Manifest.Kind.INCREMENTAL, "contributions.eu", "topic-id-1", Format.JSONL, offsets(50, 60), offsets(40, 60), 3, 20,
        List.of(), "policy-2026-08-17", Instant.parse("2026-09-02T00:00:00.123Z"),
        Manifest.FileNames.of(Manifest.Kind.INCREMENTAL, Format.JSONL));
  }

  @Test
  void roundTripsAFullManifest() {
    Manifest m = full("contributions", Instant.parse("2026-09-01T10:00:00Z"), 17, 23);
    assertThat(ManifestJson.parse(ManifestJson.toJson(m))).isEqualTo(m);
    assertThat(m.policyVersions()).containsExactly("v1", "v2");
  }

  @Test
  void roundTripsAnIncrementalManifest() {
    Manifest m = incremental();
    assertThat(ManifestJson.parse(ManifestJson.toJson(m))).isEqualTo(m);
  }

  @Test
  void writesTheDocumentedShape() throws Exception {
    var json = MAPPER.readTree(ManifestJson.toJson(full("contributions", Instant.parse("2026-09-01T10:00:00Z"), 17, 23)));
    assertThat(json.get("kind").asText()).isEqualTo("full");
    assertThat(json.get("endOffsets").get("1").asLong()).isEqualTo(23);
    assertThat(json.get("sinceOffsets").isNull()).isTrue();
    assertThat(json.get("createdAt").asText()).isEqualTo("2026-09-01T10:00:00Z");
    assertThat(json.get("files").get("records").asText()).isEqualTo("contributions.avro");
    assertThat(json.get("files").get("deletions").isNull()).isTrue();
    var inc = MAPPER.readTree(ManifestJson.toJson(incremental()));
    assertThat(inc.get("files").get("deletions").asText()).isEqualTo("deletions.jsonl");
    assertThat(inc.get("sinceOffsets").get("0").asLong()).isEqualTo(40);
  }

  @Test
  void ignoresFieldsItDoesNotKnow() throws Exception {
    ObjectNode n = (ObjectNode) MAPPER.readTree(ManifestJson.toJson(incremental()));
    n.put("addedLater", true);
    assertThat(ManifestJson.parse(n.toString())).isEqualTo(incremental());
  }

  private static String mutated(java.util.function.Consumer<ObjectNode> change) throws Exception {
    ObjectNode n = (ObjectNode) MAPPER.readTree(ManifestJson.toJson(incremental()));
    change.accept(n);
    return n.toString();
  }

  private static ObjectNode obj(ObjectNode n, String field) {
    return (ObjectNode) n.get(field);
  }

  @Test
  void namesWhatIsWrongWithAnInvalidManifest() throws Exception {
    assertThatThrownBy(() -> ManifestJson.parse("{")).hasMessage("not JSON");
    assertThatThrownBy(() -> ManifestJson.parse("[]")).hasMessage("not a JSON object");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> n.remove("endOffsets")))).hasMessage("endOffsets is missing");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> n.put("kind", "partial")))).hasMessage("kind must be full or incremental");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> n.put("format", "csv")))).hasMessageContaining("unknown format 'csv'");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> n.put("createdAt", "yesterday")))).hasMessageContaining("createdAt must be an ISO-8601 instant");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> obj(n, "endOffsets").put("0", "50")))).hasMessage("endOffsets of partition 0 is not a whole number");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> obj(n, "endOffsets").put("x", 1)))).hasMessageContaining("not a partition number");
  }

  @Test
  void rejectsManifestsThatContradictThemselves() throws Exception {
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> n.putNull("sinceOffsets")))).hasMessageContaining("sinceOffsets must be present");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> obj(n, "sinceOffsets").put("0", 51)))).hasMessageContaining("after its endOffsets");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> obj(n, "sinceOffsets").remove("1")))).hasMessageContaining("different partitions");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> obj(n, "endOffsets").remove("0")))).hasMessageContaining("partitions 0 to n-1");
    assertThatThrownBy(() -> ManifestJson.parse(mutated(n -> obj(n, "files").put("records", "../etc/passwd")))).hasMessageContaining("files must be");
  }

  @Test
  void readingReportsTheFileAndTheRemedy(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("manifest.json");
    assertThatThrownBy(() -> ManifestJson.read(missing))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("cannot read the manifest " + missing + " (NoSuchFileException)");
    Files.writeString(missing, "{\"kind\":\"full\"}");
    assertThatThrownBy(() -> ManifestJson.read(missing))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("the manifest " + missing + " is not valid: topic is missing")
        .hasMessageContaining("run a full export");
  }

  @Test
  void readsAWrittenManifest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("manifest.json");
    Files.writeString(file, ManifestJson.toJson(incremental()));
    assertThat(ManifestJson.read(file)).isEqualTo(incremental());
  }
}
