package dev.gatekeeper.export;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The description of a complete export, written last into its directory ({@code manifest.json}):
 * its presence means the files it names are complete. An incremental export starts where an
 * earlier manifest's {@link #endOffsets} end.
 *
 * @param topicId the topic's id: a topic deleted and re-created under the same name has another,
 *     and offsets that mean something else
 * @param endOffsets per partition, the offset the export read up to (exclusive): the last stable
 *     offset when the export started
 * @param sinceOffsets per partition, where an incremental export started (the earlier manifest's
 *     end offsets); null for a full export
 * @param records records in the records file
 * @param deletions records in the deletions file (0 for a full export, which has none)
 * @param policyVersions the distinct {@code policyVersion}s of the exported records, sorted
 * @param gatekeeperPolicyVersion the exporting gatekeeper's configured {@code policy.version}
 * @param createdAt when the end offsets were taken: the snapshot's point in time. It is earlier
 *     than the export's completion on purpose, because tombstones written after it must still be
 *     on the topic when the next incremental export reads them.
 */
public record Manifest(
    Kind kind,
    String topic,
    String topicId,
    Format format,
    SortedMap<Integer, Long> endOffsets,
    SortedMap<Integer, Long> sinceOffsets,
    long records,
    long deletions,
    List<String> policyVersions,
    String gatekeeperPolicyVersion,
    Instant createdAt,
    FileNames files) {

  /** The name of the manifest in an export directory. */
  public static final String FILE = "manifest.json";

  /** A full snapshot, or the changes since an earlier export. */
  public enum Kind {
    FULL,
    INCREMENTAL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The data files of the export, relative to its directory; {@code deletions} null for a full export. */
  public record FileNames(String records, String deletions) {
    static FileNames of(Kind kind, Format format) {
      return new FileNames(format.recordsFile(), kind == Kind.INCREMENTAL ? format.deletionsFile() : null);
    }
  }

  /** @throws IllegalArgumentException saying which invariant does not hold */
  public Manifest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(gatekeeperPolicyVersion, "gatekeeperPolicyVersion");
    require(topic != null && !topic.isBlank(), "topic is empty");
    require(topicId != null && !topicId.isBlank(), "topicId is empty");
    endOffsets = offsets(endOffsets, "endOffsets");
    require(!endOffsets.isEmpty(), "endOffsets names no partition");
    require(endOffsets.lastKey() == endOffsets.size() - 1, "endOffsets must name partitions 0 to n-1 without gaps");
    require((kind == Kind.INCREMENTAL) == (sinceOffsets != null),
        "sinceOffsets must be present for an incremental export and null for a full one");
    if (sinceOffsets != null) {
      sinceOffsets = offsets(sinceOffsets, "sinceOffsets");
      require(sinceOffsets.keySet().equals(endOffsets.keySet()), "sinceOffsets and endOffsets name different partitions");
      for (Map.Entry<Integer, Long> e : sinceOffsets.entrySet()) {
        require(e.getValue() <= endOffsets.get(e.getKey()), "sinceOffsets of partition " + e.getKey() + " is after its endOffsets");
      }
    }
    require(records >= 0 && deletions >= 0, "records and deletions must not be negative");
    require(kind == Kind.INCREMENTAL || deletions == 0, "a full export has no deletions");
    policyVersions = List.copyOf(new TreeSet<>(policyVersions));
    require(FileNames.of(kind, format).equals(files), "files must be " + FileNames.of(kind, format) + " for a " + kind.id() + " " + format.id() + " export");
  }

  private static SortedMap<Integer, Long> offsets(Map<Integer, Long> in, String name) {
    Objects.requireNonNull(in, name);
    TreeMap<Integer, Long> copy = new TreeMap<>(in);
    copy.forEach((p, o) -> require(p >= 0 && o != null && o >= 0, name + " has a negative partition or offset"));
    return Collections.unmodifiableSortedMap(copy);
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
