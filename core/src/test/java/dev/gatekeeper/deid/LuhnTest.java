package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {
  @ParameterizedTest
  @ValueSource(
      strings = {"4111111111111111", "4111 1111 1111 1111", "378282246310005", "79927398713", "00"})
  void acceptsNumbersWhoseChecksumIsZero(String number) {
    assertThat(Luhn.isValid(number, 0, number.length())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111112", "79927398710", "1234567812345678", "0", "", "--"})
  void rejectsOtherNumbersAndTooFewDigits(String number) {
    assertThat(Luhn.isValid(number, 0, number.length())).isFalse();
  }

  @Test
  void readsOnlyTheGivenRange() {
    String text = "x4111111111111111x";
    assertThat(Luhn.isValid(text, 1, text.length() - 1)).isTrue();
    assertThat(Luhn.isValid(text, 0, text.length() - 2)).isFalse();
  }
}
