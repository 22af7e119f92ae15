package dev.gatekeeper.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * A revocation writes all of an org's outputs in one transaction (README "Large revocations"):
 * the producers' transaction time-out and the main consumer's poll interval must leave it the
 * time, whatever the pass-through says. Streams' own defaults (10 s, 5 min) are not enough.
 */
class RevocationTimeConfigTest {
  private static final Map<String, String> NO_SECRET = Map.of();

  private static StreamsConfig streams(Map<String, String> flags) {
    return new StreamsConfig(AppConfig.from(LayeredConfig.load(null, Map.of(), flags), NO_SECRET, false).streamsProperties());
  }

  @Test
  void producersGetAFifteenMinuteTransactionTimeOutAndTheConsumerAMatchingPollInterval() {
    StreamsConfig streams = streams(Map.of());
    assertThat(streams.getProducerConfigs("p")).containsEntry("transaction.timeout.ms", "900000");
    assertThat(streams.getMainConsumerConfigs("g", "c", 0)).containsEntry("max.poll.interval.ms", "900000");
  }

  @Test
  void aPassThroughAtOrAboveTheFloorWinsPrefixedOrNot() {
    StreamsConfig unprefixed = streams(Map.of("kafka.transaction.timeout.ms", "600000", "kafka.max.poll.interval.ms", "700000"));
    assertThat(unprefixed.getProducerConfigs("p")).containsEntry("transaction.timeout.ms", "600000");
    assertThat(unprefixed.getMainConsumerConfigs("g", "c", 0)).containsEntry("max.poll.interval.ms", "700000");

    StreamsConfig prefixed = streams(Map.of("kafka.producer.transaction.timeout.ms", "300000",
        "kafka.main.consumer.max.poll.interval.ms", "800000", "kafka.consumer.max.poll.interval.ms", "300000"));
    assertThat(prefixed.getProducerConfigs("p")).containsEntry("transaction.timeout.ms", "300000");
    assertThat(prefixed.getMainConsumerConfigs("g", "c", 0)).containsEntry("max.poll.interval.ms", "800000");
  }

  @Test
  void refusesStreamsOwnTenSecondTransactionTimeOutSayingWhy() {
    assertThatThrownBy(() -> streams(Map.of("kafka.producer.transaction.timeout.ms", "10000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.producer.transaction.timeout.ms is '10000'")
        .hasMessageContaining("at least 300000 ms")
        .hasMessageContaining("one transaction");
  }

  @Test
  void refusesEverySpellingBelowTheFloorAndNonNumbers() {
    assertThatThrownBy(() -> streams(Map.of("kafka.transaction.timeout.ms", "299999")))
        .hasMessageContaining("kafka.transaction.timeout.ms is '299999'");
    assertThatThrownBy(() -> streams(Map.of("kafka.max.poll.interval.ms", "60000")))
        .hasMessageContaining("kafka.max.poll.interval.ms is '60000'").hasMessageContaining("poll interval");
    assertThatThrownBy(() -> streams(Map.of("kafka.main.consumer.max.poll.interval.ms", "60000", "kafka.consumer.max.poll.interval.ms", "900000")))
        .hasMessageContaining("kafka.main.consumer.max.poll.interval.ms is '60000'");
    assertThatThrownBy(() -> streams(Map.of("kafka.producer.transaction.timeout.ms", "15min")))
        .hasMessageContaining("expected a whole number of milliseconds");
  }
}
