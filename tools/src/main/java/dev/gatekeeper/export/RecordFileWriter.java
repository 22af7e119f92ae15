package dev.gatekeeper.export;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificRecord;

/** Appends records of one generated Avro class to a file in an export {@link Format}. */
interface RecordFileWriter<T extends SpecificRecord> extends Closeable {

  void append(T record) throws IOException;

  /** Creates (or truncates) {@code file}. */
  static <T extends SpecificRecord> RecordFileWriter<T> open(Format format, Path file, Class<T> type) throws IOException {
    return switch (format) {
      case AVRO -> new AvroFileWriter<>(file, type);
      case JSONL -> new JsonLinesFileWriter<>(file);
      case PARQUET -> new ParquetRecordFileWriter<>(file, type);
    };
  }
}
