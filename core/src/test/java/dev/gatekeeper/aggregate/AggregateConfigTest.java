package dev.gatekeeper.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AggregateConfigTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long WINDOW = Instant.parse("2026-09-02T00:00:00Z").toEpochMilli();

  @Test
  void aWindowBecomesFinalExactlyOneRetentionAfterItEnds() {
    AggregateConfig c = AggregateConfig.defaults().withHorizon(Duration.ofDays(1), Duration.ofDays(7));

    assertThat(c.isFinal(WINDOW, WINDOW + DAY + 7 * DAY - 1)).isFalse();
    assertThat(c.isFinal(WINDOW, WINDOW + DAY + 7 * DAY)).isTrue();
    assertThat(c.isFinal(WINDOW, WINDOW + 365 * DAY)).isTrue();
  }

  @Test
  void keepsThirtyDaysOfWindowsByDefault() {
    assertThat(AggregateConfig.defaults().retention()).isEqualTo(Duration.ofDays(30));
    assertThat(AggregateConfig.defaults().isFinal(WINDOW, WINDOW + 31 * DAY - 1)).isFalse();
  }

  @Test
  void refusesARetentionShorterThanTheGrace() {
    assertThatThrownBy(() -> AggregateConfig.defaults().withHorizon(Duration.ofDays(2), Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least the grace");
  }

  @Test
  void acceptsARetentionEqualToTheGrace() {
    assertThat(AggregateConfig.defaults().withHorizon(Duration.ofDays(2), Duration.ofDays(2)).retention()).isEqualTo(Duration.ofDays(2));
  }
}
