package dev.gatekeeper.export;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionDeletion;
import dev.gatekeeper.serde.WireSerde;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes a {@link Snapshot}'s data files into an {@link ExportDir} under temporary names: the
 * records file always, the deletions file for an incremental export. Values are decoded here, one
 * at a time, so only the final value of each key is ever decoded.
 */
final class SnapshotWriter {
  private final WireSerde<Contribution> serde;
  private final ExportDir dir;
  private final Format format;

  /** What was written. */
  record Written(long records, long deletions, List<String> policyVersions) {}

  SnapshotWriter(ExportDir dir, Format format, WireSerde<Contribution> serde) {
    this.serde = serde;
    this.dir = dir;
    this.format = format;
  }

  /**
   * @param withDeletions whether to write the deletions file (incremental exports)
   * @throws ExportException if a value is not a decodable {@code Contribution} or its
   *     contributionId differs from its key: the topic is not what ML pipelines may read
   */
  Written write(Snapshot snapshot, boolean withDeletions) throws ExportException, IOException {
    SortedSet<String> policyVersions = new TreeSet<>();
    long records = 0;
    try (RecordFileWriter<Contribution> out = RecordFileWriter.open(format, dir.temp(format.recordsFile()), Contribution.class);
        LatestRecordStore.Cursor in = snapshot.records()) {
      while (in.hasNext()) {
        Contribution c = decode(in.next());
        policyVersions.add(c.getPolicyVersion());
        out.append(c);
        records++;
      }
    }
    long deletions = 0;
    if (withDeletions) {
      try (RecordFileWriter<ContributionDeletion> out =
              RecordFileWriter.open(format, dir.temp(format.deletionsFile()), ContributionDeletion.class);
          LatestRecordStore.Cursor in = snapshot.deletions()) {
        while (in.hasNext()) {
          LogRecord r = in.next();
          out.append(new ContributionDeletion(r.key(), Instant.ofEpochMilli(r.timestamp())));
          deletions++;
        }
      }
    }
    return new Written(records, deletions, List.copyOf(policyVersions));
  }

  private Contribution decode(LogRecord r) throws ExportException {
    Contribution c;
    try {
      c = serde.decode(r.value());
    } catch (SerializationException e) {
      // The serde's message names the type and failure only; the payload is never quoted.
      throw new ExportException("the record at partition " + r.partition() + " offset " + r.offset() + " is " + e.getMessage()
          + ": this is not a contributions topic, or it holds records of a newer schema; nothing was published");
    }
    if (!c.getContributionId().equals(r.key())) {
      throw new ExportException("the record at partition " + r.partition() + " offset " + r.offset()
          + " has a contributionId other than its key, so a deletion by key would miss it; nothing was published");
    }
    return c;
  }
}
