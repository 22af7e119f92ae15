package dev.gatekeeper.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB options of the contribution index: a Bloom filter over whole keys in its memtables.
 * The gate looks up the index for every contribution it writes, and nearly every lookup is for a
 * key that is not there (a new contribution); without the filter each such miss searched the
 * memtable's skip list (up to 16 MB of long keys sharing their org's prefix), the largest part of
 * the store's CPU in the warm profile (README "Performance"). The SST files already have Bloom
 * filters (Streams' defaults). Other stores keep Streams' defaults.
 *
 * <p>Set as {@code rocksdb.config.setter} by {@link StreamsDefaults}; a {@code
 * kafka.rocksdb.config.setter} of the deployment replaces it.
 */
public final class IndexLookupOptions implements RocksDBConfigSetter {
  /**
   * The filter's size as a share of the write buffer: 0.1 of Streams' 16 MB memtable, about 1.6
   * MB per memtable (Streams keeps up to 3); measured, not tuned (README "Performance").
   */
  static final double MEMTABLE_BLOOM_SIZE_RATIO = 0.1;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    if (StoreNames.CONTRIBUTION_INDEX.equals(storeName)) {
      options.setMemtableWholeKeyFiltering(true);
      options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_SIZE_RATIO);
    }
  }

  @Override
  public void close(String storeName, Options options) {
    // Nothing of its own to release: the options above are plain values.
  }
}
