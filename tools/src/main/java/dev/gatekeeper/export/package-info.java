/**
 * {@code gatekeeper export}: a point-in-time snapshot of a compacted contributions topic for ML
 * pipelines, full or incremental since an earlier snapshot's manifest.
 *
 * <p>The pure parts ({@link dev.gatekeeper.export.SnapshotReader}, {@link
 * dev.gatekeeper.export.ExportChecks}, {@link dev.gatekeeper.export.ManifestJson}) hold the rules
 * and know no Kafka types; {@link dev.gatekeeper.export.ExportRun} wires them to a consumer, an
 * admin client and the export directory. Every doubt about completeness is an {@link
 * dev.gatekeeper.export.ExportException}: a dataset is either complete and correct, or not
 * published.
 */
package dev.gatekeeper.export;
