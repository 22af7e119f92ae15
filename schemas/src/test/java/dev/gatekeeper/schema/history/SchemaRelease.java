package dev.gatekeeper.schema.history;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaFormatter;

/**
 * Writes released versions into the history source folder ({@code schemas/src/main/history}, see
 * {@link SchemaHistory} for its layout): the schema file, then the index. Never overwrites a
 * released file.
 */
final class SchemaRelease {
  private static final String INDEX_HEADER = """
      # The latest released version of each top-level record schema: RecordName=N.
      # RecordName/v1.avsc .. vN.avsc beside this file are its released schemas, oldest first,
      # each complete (named types inlined). Released files are never edited. Written by
      #   %s
      """.formatted(SchemaEvolution.RELEASE_COMMAND);

  private final Path dir;

  /** @param dir the history source folder */
  SchemaRelease(Path dir) {
    this.dir = dir;
  }

  /**
   * Releases {@code schema} as the next version of {@code record}.
   *
   * @param releasedSoFar how many versions the caller checked the schema against; guards against
   *     a class path older than the source folder
   * @return the file written
   */
  Path release(String record, Schema schema, int releasedSoFar) throws IOException {
    Map<String, Integer> index = readIndex();
    int latest = index.getOrDefault(record, 0);
    if (latest != releasedSoFar) {
      throw new IllegalStateException(record + " has v" + latest + " in " + dir + " but v"
          + releasedSoFar + " on the class path: rebuild the schemas module, then release");
    }
    int next = latest + 1;
    Path file = dir.resolve(record).resolve(SchemaHistory.fileName(next));
    if (Files.exists(file)) {
      throw new IllegalStateException(file + " exists but is not in the index: remove it or index it");
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, SchemaFormatter.format("json/pretty", schema) + "\n", StandardCharsets.UTF_8);
    index.put(record, next);
    writeIndex(index);
    return file;
  }

  /** @return the index of the source folder, by record name; empty if there is none yet */
  Map<String, Integer> readIndex() throws IOException {
    Map<String, Integer> index = new TreeMap<>();
    Path file = dir.resolve(SchemaHistory.INDEX);
    if (!Files.exists(file)) {
      return index;
    }
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      props.load(in);
    }
    props.stringPropertyNames()
        .forEach(name -> index.put(name, Integer.parseInt(props.getProperty(name).trim())));
    return index;
  }

  private void writeIndex(Map<String, Integer> index) throws IOException {
    StringBuilder text = new StringBuilder(INDEX_HEADER);
    new TreeMap<>(index).forEach((name, version) -> text.append(name).append('=').append(version).append('\n'));
    Files.writeString(dir.resolve(SchemaHistory.INDEX), text, StandardCharsets.ISO_8859_1);
  }
}
