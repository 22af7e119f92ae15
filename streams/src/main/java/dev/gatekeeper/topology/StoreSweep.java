package dev.gatekeeper.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Deletes the entries of a store whose keys match, in one scan (never per record). */
final class StoreSweep {
  private StoreSweep() {}

  /**
   * Scans {@code store} and deletes every entry whose key {@code matches}. The keys are collected
   * first and deleted after the iterator is closed, as a store's iterator may not see its own
   * writes consistently.
   *
   * @return the keys deleted
   */
  static <V> List<String> deleteWhere(KeyValueStore<String, V> store, Predicate<String> matches) {
    List<String> done = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      while (it.hasNext()) {
        String key = it.next().key;
        if (matches.test(key)) {
          done.add(key);
        }
      }
    }
    done.forEach(store::delete);
    return done;
  }
}
