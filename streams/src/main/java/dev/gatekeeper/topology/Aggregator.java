package dev.gatekeeper.topology;

import dev.gatekeeper.aggregate.AggregateConfig;
import dev.gatekeeper.aggregate.BucketCounts;
import dev.gatekeeper.aggregate.BucketKey;
import dev.gatekeeper.schema.ContributionAggregate;
import java.time.Instant;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the buckets (co-partitioned by bucket key): applies each change to the bucket's distinct
 * org and record counts in {@value StoreNames#AGGREGATE_BUCKETS}, and publishes the bucket only
 * while at least k distinct orgs count toward it. Each change is applied and published in one
 * step of one transaction, so a bucket below k is never written, not even for a moment; when a
 * change takes a published bucket below k, its tombstone is written instead.
 *
 * <p>The horizon ({@link AggregateConfig#retention}): once the stream time is past a window's
 * end by the retention, the window is final. Its buckets' counts are deleted (once per window
 * length of stream time, a scan), so the store holds the windows of the last retention only. A
 * change that reaches a final window is applied without counts: a withdrawal (a revocation) writes
 * the bucket's tombstone, since what remains can no longer be known and the revoked share must not
 * stay published; an addition is ignored (it comes from a task whose stream time lags this one's
 * by more than retention minus grace, and leaving a record uncounted never publishes more).
 */
final class Aggregator implements Processor<String, BucketCounts, String, AggregateOut> {
  private static final Logger LOG = LoggerFactory.getLogger(Aggregator.class);

  private final AggregateConfig config;
  private final String policyVersion;
  private final TopicCatalog catalog;
  private final GatekeeperMetrics metrics;
  private ProcessorContext<String, AggregateOut> context;
  private KeyValueStore<String, BucketCounts> buckets;

  Aggregator(AggregateConfig config, String policyVersion, TopicCatalog catalog, GatekeeperMetrics metrics) {
    this.metrics = metrics;
    this.config = config;
    this.policyVersion = policyVersion;
    this.catalog = catalog;
  }

  @Override
  public void init(ProcessorContext<String, AggregateOut> context) {
    this.context = context;
    this.buckets = context.getStateStore(StoreNames.AGGREGATE_BUCKETS);
    context.schedule(config.window(), PunctuationType.STREAM_TIME, this::forgetFinalWindows);
  }

  @Override
  public void process(Record<String, BucketCounts> record) {
    BucketKey bucket = BucketKey.parse(record.key());
    if (config.isFinal(bucket.windowStart(), context.currentStreamTimeMs())) {
      onFinalWindow(record, bucket);
      return;
    }
    BucketCounts stored = buckets.get(record.key());
    BucketCounts before = stored == null ? BucketCounts.ZERO : stored;
    BucketCounts after = before.plus(record.value());
    if (after.orgs() < 0 || after.records() < 0 || after.orgs() > after.records()) {
      // Shares are withdrawn only after being added, in the same exactly-once pipeline; reaching
      // here means state was lost or edited. Fail closed: the bucket is no longer published.
      LOG.error("Aggregate bucket counts became inconsistent ({} orgs, {} records); withholding the bucket",
          after.orgs(), after.records());
      after = new BucketCounts(0, Math.max(0, after.records()));
    }
    if (after.isZero()) {
      buckets.delete(record.key());
    } else {
      buckets.put(record.key(), after);
    }
    Topic<String, ContributionAggregate> topic = catalog.aggregatesFor(bucket.region());
    if (after.orgs() >= config.k()) {
      context.forward(new Record<>(record.key(), new AggregateOut(aggregate(bucket, after), topic), record.timestamp(), new RecordHeaders()));
      metrics.bucketPublished();
    } else if (before.orgs() >= config.k()) {
      context.forward(new Record<>(record.key(), new AggregateOut(null, topic), record.timestamp(), new RecordHeaders()));
      metrics.bucketWithdrawn();
    }
  }

  private void onFinalWindow(Record<String, BucketCounts> record, BucketKey bucket) {
    BucketCounts change = record.value();
    // Its counts may still be stored if no scan ran since the window became final.
    if (buckets.get(record.key()) != null) {
      buckets.delete(record.key());
    }
    if (change.orgs() < 0 || change.records() < 0) {
      Topic<String, ContributionAggregate> topic = catalog.aggregatesFor(bucket.region());
      context.forward(new Record<>(record.key(), new AggregateOut(null, topic), record.timestamp(), new RecordHeaders()));
      metrics.bucketWithdrawn();
    } else {
      LOG.warn("Ignored an addition to a final aggregate window: the contributing task's stream time lags by more than"
          + " aggregates.retention minus aggregates.grace");
    }
  }

  /** Deletes the counts of every final window; the changelog's tombstones let compaction drop them. */
  private void forgetFinalWindows(long streamTime) {
    StoreSweep.deleteWhere(buckets, key -> config.isFinal(BucketKey.parse(key).windowStart(), streamTime));
  }

  private ContributionAggregate aggregate(BucketKey bucket, BucketCounts counts) {
    return ContributionAggregate.newBuilder()
        .setApp(bucket.app())
        .setAttribute(bucket.attribute())
        .setValue(bucket.value())
        .setWindowStart(Instant.ofEpochMilli(bucket.windowStart()))
        .setWindowEnd(Instant.ofEpochMilli(bucket.windowStart() + config.window().toMillis()))
        .setDistinctOrgs(counts.orgs())
        .setRecords(counts.records())
        .setPolicyVersion(policyVersion)
        .build();
  }
}
