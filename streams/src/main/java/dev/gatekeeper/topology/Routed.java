package dev.gatekeeper.topology;

/**
 * A record whose topic is chosen per record (residency): the sink's topic-name extractor reads
 * {@link #topic()}, and {@link RoutedSerde} writes only {@link #payload()}, with that topic's own
 * value serde. The destination is a catalog {@link Topic}, never a bare name.
 *
 * @param <V> the payload's type
 */
interface Routed<V> {
  /** Where the record goes. */
  Topic<String, V> topic();

  /** What is written there; null is a tombstone. */
  V payload();
}
