package dev.gatekeeper.export;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * An Avro object container file: the writer schema in the header, deflate-compressed blocks.
 * Any Avro reader (Spark, pandas via fastavro, {@code avro-tools}) reads it without our classes.
 */
final class AvroFileWriter<T extends SpecificRecord> implements RecordFileWriter<T> {
  /** Deflate level 6: zlib's default balance; text-heavy records shrink several-fold. */
  private static final int DEFLATE_LEVEL = 6;

  private final DataFileWriter<T> writer;

  AvroFileWriter(Path file, Class<T> type) throws IOException {
    SpecificData model = SpecificData.getForClass(type);
    this.writer = new DataFileWriter<>(new SpecificDatumWriter<T>(model.getSchema(type), model));
    writer.setCodec(CodecFactory.deflateCodec(DEFLATE_LEVEL));
    writer.create(model.getSchema(type), file.toFile());
  }

  @Override
  public void append(T record) throws IOException {
    writer.append(record);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
