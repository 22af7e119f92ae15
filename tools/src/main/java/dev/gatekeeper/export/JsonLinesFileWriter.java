package dev.gatekeeper.export;

import dev.gatekeeper.json.PlainJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;

/** JSON Lines: one record per line in plain JSON, the shape the replay format uses for values. */
final class JsonLinesFileWriter<T extends SpecificRecord> implements RecordFileWriter<T> {
  private final BufferedWriter out;

  JsonLinesFileWriter(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  @Override
  public void append(T record) throws IOException {
    out.write(PlainJson.toJson(record).toString());
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
