package dev.gatekeeper.export;

import static dev.gatekeeper.export.Records.SERDE;
import static dev.gatekeeper.export.Records.contribution;
import static dev.gatekeeper.export.Records.tombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatekeeper.json.PlainJson;
import dev.gatekeeper.schema.Contribution;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotWriterTest {
  private static final dev.gatekeeper.serde.WireSerde<dev.gatekeeper.schema.Contribution> CONTRIBUTIONS = new dev.gatekeeper.topology.GatekeeperSerdes().contribution;
  @TempDir Path root;

  private static LogRecord value(long offset, Contribution c) {
    return new LogRecord(0, offset, c.getContributionId(), SERDE.encode(c), 1_000L);
  }

  private final Contribution a = contribution("a", "v2");
  private final Contribution b = contribution("b", "v1");
  private final List<LatestRecordStore> stores = new ArrayList<>();

  @AfterEach
  void closeStores() {
    stores.forEach(LatestRecordStore::close);
  }

  /** The snapshot of {@code records}, read into a store as an export would. */
  private Snapshot snapshot(LogRecord... records) throws Exception {
    LatestRecordStore store = LatestRecordStore.create(root.resolve("store-" + stores.size()));
    stores.add(store);
    SnapshotReader reader = new SnapshotReader(store);
    for (LogRecord r : records) {
      reader.accept(r);
    }
    return reader.snapshot();
  }

  private SnapshotWriter.Written write(Format format, boolean withDeletions) throws Exception {
    Snapshot snapshot = snapshot(value(1, a), value(2, b), tombstone(0, 3, "gone", 1_700_000_000_123L));
    ExportDir dir = ExportDir.open(root.resolve("out"));
    SnapshotWriter.Written written = new SnapshotWriter(dir, format, CONTRIBUTIONS).write(snapshot, withDeletions);
    dir.publish(format.recordsFile());
    if (withDeletions) {
      dir.publish(format.deletionsFile());
    }
    return written;
  }

  /** With Avro's generic reader: what a pipeline without our classes sees. */
  private static List<GenericRecord> readAvro(Path file) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      assertThat(reader.getMetaString("avro.codec")).isEqualTo("deflate");
      reader.forEach(out::add);
    }
    return out;
  }

  @Test
  void writesAnAvroContainerFileAnyAvroReaderReads() throws Exception {
    SnapshotWriter.Written written = write(Format.AVRO, false);
    List<GenericRecord> records = readAvro(root.resolve("out/contributions.avro"));
    assertThat(records).extracting(r -> r.get("contributionId").toString()).containsExactly("a", "b");
    assertThat(records.get(0).getSchema()).isEqualTo(Contribution.getClassSchema());
    assertThat(records.get(0).get("text").toString()).isEqualTo("a scrubbed text");
    assertThat(records.get(0).get("occurredAt")).isEqualTo(a.getOccurredAt().toEpochMilli());
    assertThat(written).isEqualTo(new SnapshotWriter.Written(2, 0, List.of("v1", "v2")));
    assertThat(root.resolve("out/deletions.avro")).doesNotExist();
  }

  @Test
  void writesDeletionsWithTheTombstonesTimestamp() throws Exception {
    SnapshotWriter.Written written = write(Format.AVRO, true);
    List<GenericRecord> deletions = readAvro(root.resolve("out/deletions.avro"));
    assertThat(deletions).hasSize(1);
    assertThat(deletions.get(0).get("contributionId").toString()).isEqualTo("gone");
    assertThat(deletions.get(0).get("revokedAt")).isEqualTo(1_700_000_000_123L);
    assertThat(written.deletions()).isEqualTo(1);
  }

  @Test
  void writesParquetThatDuckDbReadsWithTimestampsAsTimestamps() throws Exception {
    SnapshotWriter.Written written = write(Format.PARQUET, true);
    assertThat(written).isEqualTo(new SnapshotWriter.Written(2, 1, List.of("v1", "v2")));
    Path records = root.resolve("out/contributions.parquet");
    Path deletions = root.resolve("out/deletions.parquet");
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement sql = db.createStatement()) {
      assertThat(rows(sql, "SELECT contributionId, policyVersion, text, dataType, typeof(occurredAt), epoch_ms(occurredAt), attributes"
          + " FROM read_parquet('" + records + "')")).containsExactly(
          List.of("a", "v2", "a scrubbed text", a.getDataType().name(), "TIMESTAMP WITH TIME ZONE",
              Long.toString(a.getOccurredAt().toEpochMilli()), a.getAttributes().toString()),
          List.of("b", "v1", "a scrubbed text", b.getDataType().name(), "TIMESTAMP WITH TIME ZONE",
              Long.toString(b.getOccurredAt().toEpochMilli()), b.getAttributes().toString()));
      assertThat(rows(sql, "SELECT contributionId, typeof(revokedAt), epoch_ms(revokedAt) FROM read_parquet('" + deletions + "')"))
          .containsExactly(List.of("gone", "TIMESTAMP WITH TIME ZONE", "1700000000123"));
      assertThat(rows(sql, "SELECT DISTINCT compression FROM parquet_metadata('" + records + "')")).containsExactly(List.of("ZSTD"));
    }
  }

  /** Each row of a query as strings, in the order the reader returns them. */
  private static List<List<String>> rows(Statement sql, String query) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (ResultSet rs = sql.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void writesJsonLinesOfPlainJson() throws Exception {
    write(Format.JSONL, true);
    ObjectMapper mapper = new ObjectMapper();
    List<String> lines = Files.readAllLines(root.resolve("out/contributions.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode first = mapper.readTree(lines.get(0));
    assertThat(first).isEqualTo(PlainJson.toJson(a));
    assertThat(PlainJson.fromJson(first, Contribution.class)).isEqualTo(a);
    List<String> deletions = Files.readAllLines(root.resolve("out/deletions.jsonl"), StandardCharsets.UTF_8);
    assertThat(mapper.readTree(deletions.get(0)))
        .isEqualTo(mapper.readTree("{\"contributionId\":\"gone\",\"revokedAt\":\"2023-11-14T22:13:20.123Z\"}"));
  }

  @Test
  void refusesAValueThatIsNotAContributionWithoutQuotingIt() throws Exception {
    LogRecord garbage = new LogRecord(1, 42, "a", "canary-payload".getBytes(StandardCharsets.UTF_8), 1L);
    ExportDir dir = ExportDir.open(root.resolve("out"));
    assertThatThrownBy(() -> new SnapshotWriter(dir, Format.AVRO, CONTRIBUTIONS).write(snapshot(garbage), false))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("partition 1 offset 42 is not a Contribution in either wire format")
        .hasMessageNotContaining("canary");
  }

  @Test
  void refusesAValueWhoseContributionIdIsNotItsKey() throws Exception {
    LogRecord mismatch = new LogRecord(0, 7, "other-key", SERDE.encode(a), 1L);
    ExportDir dir = ExportDir.open(root.resolve("out"));
    assertThatThrownBy(() -> new SnapshotWriter(dir, Format.JSONL, CONTRIBUTIONS).write(snapshot(mismatch), false))
        .isInstanceOf(ExportException.class)
        .hasMessageContaining("contributionId other than its key");
  }
}
