package dev.gatekeeper.export;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.serde.WireSerde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.SortedMap;
import org.apache.kafka.clients.admin.Admin;

/**
 * One export, start to finish: check the directory and the earlier manifest, take the topic's end
 * offsets (the snapshot's point in time), read up to them, check the read finished while every
 * tombstone it needed was still guaranteed on the topic, write the data files, publish the
 * manifest last. The latest record of each key is kept on disk in the export directory while it
 * runs ({@link LatestRecordStore}), so memory does not grow with the topic. On any failure nothing
 * is published and the directory is left as it was found.
 */
public final class ExportRun {
  /** The scratch store's name in the export directory (hidden, as a temporary file's). */
  private static final String STORE = "latest-records";

  private final WireSerde<Contribution> contributions;
  private final Admin admin;
  private final Properties clientProperties;
  private final Clock clock;
  private final Duration timeout;

  /**
   * @param clientProperties for the consumer (bootstrap servers, security); isolation and offset
   *     handling are fixed by the export
   * @param timeout for each admin call, and how long reading may go without progress
   * @param contributions the serde of contributions: it reads both wire formats, the Confluent
   *     one only when it has a registry
   */
  public ExportRun(Admin admin, Properties clientProperties, Clock clock, Duration timeout, WireSerde<Contribution> contributions) {
    this.contributions = contributions;
    this.admin = admin;
    this.clientProperties = clientProperties;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** @throws ExportException saying what is wrong and what to do; nothing was published */
  public ExportResult run(ExportRequest request) throws ExportException {
    long started = System.nanoTime();
    ExportDir.requireUsable(request.dir());
    Manifest earlier = request.since() == null ? null : ManifestJson.read(request.since());
    // Taken before the offsets (and rounded down), so it is never later than the point in time they describe.
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    TopicState topic = new TopicProbe(admin, timeout).describe(request.topic());
    SortedMap<Integer, Long> from =
        earlier == null ? topic.beginningOffsets() : ExportChecks.sinceOffsets(earlier, request.since().toString(), topic, createdAt);
    ExportDir dir = ExportDir.open(request.dir());
    try {
      SnapshotWriter.Written written;
      long read;
      // Beside the files it is written into, on the disk the operator chose for the export, not
      // in a temporary directory that may be memory; deleted before the manifest is published.
      try (LatestRecordStore store = LatestRecordStore.create(dir.temp(STORE))) {
        SnapshotReader reader = new SnapshotReader(store);
        try (LogReader log = new LogReader(clientProperties, timeout)) {
          log.read(request.topic(), from, topic.endOffsets(), reader);
        }
        ExportChecks.readInTime(earlier == null ? createdAt : earlier.createdAt(), topic.deleteRetention(), clock.instant(), request.topic());
        Snapshot snapshot = reader.snapshot();
        written = new SnapshotWriter(dir, request.format(), contributions).write(snapshot, earlier != null);
        read = snapshot.logRecordsRead();
      }
      Manifest manifest = publish(dir, request, topic, earlier == null ? null : from, createdAt, written);
      return new ExportResult(request.dir(), manifest, read, Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      dir.abandon();
      throw cannotWrite(request, e);
    } catch (UncheckedIOException e) {
      dir.abandon();
      throw cannotWrite(request, e.getCause());
    } catch (ExportException | RuntimeException e) {
      dir.abandon();
      throw e;
    }
  }

  private static ExportException cannotWrite(ExportRequest request, IOException e) {
    return new ExportException("cannot write the export to " + request.dir() + " (" + e + "); nothing was published");
  }

  private static Manifest publish(ExportDir dir, ExportRequest request, TopicState topic, SortedMap<Integer, Long> since,
      Instant createdAt, SnapshotWriter.Written written) throws IOException {
    Manifest manifest = new Manifest(request.kind(), topic.topic(), topic.topicId(), request.format(), topic.endOffsets(), since,
        written.records(), written.deletions(), written.policyVersions(), request.gatekeeperPolicyVersion(), createdAt,
        Manifest.FileNames.of(request.kind(), request.format()));
    dir.publish(manifest.files().records());
    if (manifest.files().deletions() != null) {
      dir.publish(manifest.files().deletions());
    }
    Files.writeString(dir.temp(Manifest.FILE), ManifestJson.toJson(manifest), StandardCharsets.UTF_8);
    dir.publish(Manifest.FILE);
    return manifest;
  }
}
