package dev.gatekeeper.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpreadTest {
  @Test
  void medianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
    Spread s = Spread.of(List.of(52_000.0, 40_000.0, 61_000.0));

    assertThat(s.median()).isEqualTo(52_000.0);
    assertThat(s.min()).isEqualTo(40_000.0);
    assertThat(s.max()).isEqualTo(61_000.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
    Spread s = Spread.of(List.of(4.0, 1.0, 3.0, 10.0));

    assertThat(s.median()).isEqualTo(3.5);
    assertThat(s.min()).isEqualTo(1.0);
    assertThat(s.max()).isEqualTo(10.0);
  }

  @Test
  void oneValueIsItsOwnMedianAndRange() {
    Spread s = Spread.of(List.of(7.5));

    assertThat(s.median()).isEqualTo(7.5);
    assertThat(s.min()).isEqualTo(7.5);
    assertThat(s.max()).isEqualTo(7.5);
  }

  @Test
  void oneDisturbedPassMovesTheRangeButNotTheMedian() {
    Spread s = Spread.of(List.of(50.0, 51.0, 49.0, 10.0, 50.5));

    assertThat(s.median()).isEqualTo(50.0);
    assertThat(s.min()).isEqualTo(10.0);
    assertThat(s.max()).isEqualTo(51.0);
  }

  @Test
  void keepsThePassesInTheOrderTheyWereTaken() {
    Spread s = Spread.of(List.of(3.0, 1.0, 2.0));

    assertThat(s.values()).containsExactly(3.0, 1.0, 2.0);
  }

  @Test
  void roundsEveryFigureForTheJsonLine() {
    Map<String, Object> m = Spread.of(List.of(1.04, 2.26, 3.0)).toMap(1);

    assertThat(m).containsEntry("median", 2.3).containsEntry("min", 1.0).containsEntry("max", 3.0)
        .containsEntry("passes", List.of(1.0, 2.3, 3.0));
  }

  @Test
  void ratesRoundedToWholeNumbersAreWholeNumbers() {
    Map<String, Object> m = Spread.of(List.of(52_000.4, 40_000.6)).toMap(0);

    assertThat(m).containsEntry("median", 46_001L).containsEntry("min", 40_001L).containsEntry("passes", List.of(52_000L, 40_001L));
  }

  @Test
  void refusesNoValueAndValuesThatAreNotNumbers() {
    assertThatThrownBy(() -> Spread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Spread.of(List.of(1.0, Double.NaN))).isInstanceOf(IllegalArgumentException.class);
  }
}
