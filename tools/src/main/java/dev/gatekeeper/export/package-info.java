/**
 * {@code gatekeeper export}: a point-in-time snapshot of a compacted contributions topic for ML
 * pipelines, full or incremental since an earlier snapshot's manifest.
 *
 * <p>The rules ({@link dev.gatekeeper.export.SnapshotReader}, {@link
 * dev.gatekeeper.export.ExportChecks}, {@link dev.gatekeeper.export.ManifestJson}) know no Kafka
 * types; the snapshot is folded into a scratch RocksDB on disk ({@link
 * dev.gatekeeper.export.LatestRecordStore}), so memory does not grow with the topic; {@link
 * dev.gatekeeper.export.ExportRun} wires them to a consumer, an admin client and the export
 * directory. Every doubt about completeness is an {@link
 * dev.gatekeeper.export.ExportException}: a dataset is either complete and correct, or not
 * published.
 */
package dev.gatekeeper.export;
