package dev.gatekeeper.export;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * A Parquet file of the Avro schema's columns, zstd-compressed, which pandas, polars, DuckDB and
 * Spark read directly. Avro's logical types map to Parquet's: {@code timestamp-millis} fields
 * are UTC timestamps, enums are strings, the attributes map is a map.
 *
 * <p>Written to the local file system without Hadoop: a {@link LocalOutputFile}, a plain
 * configuration and {@link ZstdCodecFactory}, so no Hadoop class is loaded.
 */
final class ParquetRecordFileWriter<T extends SpecificRecord> implements RecordFileWriter<T> {
  /**
   * Rows are buffered in memory until a row group is this large (compressed), so it bounds the
   * writer's heap; Parquet's default of 128 MiB would not fit a small heap. Readers parallelise
   * over row groups, so several per file cost them nothing.
   */
  private static final long ROW_GROUP_BYTES = 16L << 20;

  private final ParquetWriter<T> writer;

  ParquetRecordFileWriter(Path file, Class<T> type) throws IOException {
    SpecificData model = SpecificData.getForClass(type);
    this.writer = AvroParquetWriter.<T>builder(new LocalOutputFile(file))
        .withSchema(model.getSchema(type))
        .withDataModel(model)
        .withConf(new PlainParquetConfiguration())
        .withCodecFactory(new ZstdCodecFactory())
        .withCompressionCodec(CompressionCodecName.ZSTD)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .build();
  }

  @Override
  public void append(T record) throws IOException {
    writer.write(record);
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
