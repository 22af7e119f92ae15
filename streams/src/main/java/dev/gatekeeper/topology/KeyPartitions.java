package dev.gatekeeper.topology;

import org.apache.kafka.common.utils.Utils;

/**
 * Where the default partitioner puts a key: murmur2 of its bytes, modulo the partition count.
 * The gatekeeper joins an org's settings, events and contributions in one task, which works only
 * when every producer partitions by that rule. One that does not (librdkafka's default, CRC32, in
 * confluent-kafka-python and others) would put an org's opt-out where the task holding its
 * contributions never sees it; the decoders move such a record to its partition instead.
 */
final class KeyPartitions {
  private KeyPartitions() {}

  /**
   * Whether a record with {@code key} read from {@code partition} is not where the default
   * partitioner puts it among {@code partitions}; false when the count is unknown (0), the key is
   * null, or the record has no partition (-1, the test driver's punctuations).
   */
  static boolean misplaced(byte[] key, int partition, int partitions) {
    return partitions > 0 && key != null && partition >= 0 && Utils.toPositive(Utils.murmur2(key)) % partitions != partition;
  }
}
