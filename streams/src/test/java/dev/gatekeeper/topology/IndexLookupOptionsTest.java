package dev.gatekeeper.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

/** The contribution index's RocksDB options, and that every gatekeeper runs with them. */
class IndexLookupOptionsTest {
  @Test
  void filtersWholeKeysInTheContributionIndexMemtables() {
    try (Options options = new Options()) {
      new IndexLookupOptions().setConfig(StoreNames.CONTRIBUTION_INDEX, options, Map.of());

      assertThat(options.memtableWholeKeyFiltering()).isTrue();
      assertThat(options.memtablePrefixBloomSizeRatio()).isEqualTo(IndexLookupOptions.MEMTABLE_BLOOM_SIZE_RATIO);
    }
  }

  @Test
  void leavesTheOtherStoresWithStreamsDefaults() {
    for (String store : new String[] {StoreNames.SETTINGS_HISTORY, StoreNames.ORG_SHARES, StoreNames.AGGREGATE_BUCKETS}) {
      try (Options options = new Options(); Options untouched = new Options()) {
        new IndexLookupOptions().setConfig(store, options, Map.of());

        assertThat(options.memtableWholeKeyFiltering()).as(store).isEqualTo(untouched.memtableWholeKeyFiltering());
        assertThat(options.memtablePrefixBloomSizeRatio()).as(store).isEqualTo(untouched.memtablePrefixBloomSizeRatio());
      }
    }
  }

  @Test
  void isTheSetterOfEveryGatekeeper() {
    assertThat(StreamsDefaults.of("app", "broker.invalid:9092", Path.of("state")).get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(IndexLookupOptions.class.getName());
  }
}
