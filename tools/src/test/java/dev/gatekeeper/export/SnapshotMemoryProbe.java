package dev.gatekeeper.export;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.testing.Fixtures;
import dev.gatekeeper.topology.GatekeeperSerdes;
import java.nio.file.Path;
import java.util.Random;

/**
 * The export's read-fold-write path over generated records, run by {@link SnapshotMemoryTest} in
 * a child JVM whose heap is smaller than the records' values: what must not grow with the topic.
 * Prints {@code records=N deletions=M} and exits 0 on success.
 *
 * <p>Arguments: the work directory (new), the number of records, the export format.
 */
public final class SnapshotMemoryProbe {
  /** About 1 KiB of text per record: 100k records hold about 100 MiB of values. */
  private static final int TEXT_CHARS = 1024;
  /** Every this many keys, one is revoked again, so the deletions file is written too. */
  private static final int REVOKE_EVERY = 10;

  private SnapshotMemoryProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    Format format = Format.of(args[2]);
    Random random = new Random(1);
    char[] text = new char[TEXT_CHARS];
    ExportDir out = ExportDir.open(dir.resolve("out"));
    try (LatestRecordStore store = LatestRecordStore.create(dir.resolve("store"))) {
      SnapshotReader reader = new SnapshotReader(store);
      long[] offsets = new long[2];
      for (int i = 0; i < count; i++) {
        // Keys arrive out of order, as from a hash partitioner, so the output has to be sorted.
        String key = String.format("c%08x", Integer.reverse(i));
        int partition = i % 2;
        for (int c = 0; c < text.length; c++) {
          text[c] = (char) ('a' + random.nextInt(26));
        }
        Contribution value = Fixtures.contribution(key, "v1").setRegion(null).setText(new String(text)).build();
        reader.accept(new LogRecord(partition, offsets[partition]++, key, Records.SERDE.encode(value), 1_000L + i));
        if (i % REVOKE_EVERY == 0) {
          reader.accept(new LogRecord(partition, offsets[partition]++, key, null, 2_000L + i));
        }
      }
      SnapshotWriter.Written written = new SnapshotWriter(out, format, new GatekeeperSerdes().contribution).write(reader.snapshot(), true);
      System.out.println("records=" + written.records() + " deletions=" + written.deletions());
    }
  }
}
