package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Phones, IP addresses and payment cards: positive and negative cases for each rule. */
class ScrubberNumbersTest {
  private static final Scrubber SCRUBBER = Scrubber.standard();

  private static String scrub(String text) {
    return SCRUBBER.scrub(text, List.of());
  }

  /** Asserts that the text comes back untouched, as the very same instance. */
  private static void assertKept(String text) {
    assertThat(scrub(text)).isSameAs(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+44 20 7946 0958",
        "+1-202-555-0143",
        "+4915112345678",
        "+33 (0)1 23 45 67 89",
        "+44 (0)20 7946 0958",
        "+44 (0) 20 7946 0958",
        "(202)555-0143",
        "+1 (202) 555-0143",
        "(020) 7946 0958",
        "202-555-0143",
        "202.555.0143",
        "(202) 555-0143",
        "020 7946 0958",
        "07700 900123",
        "01 23 45 67 89",
        "1-800-555-0199",
        "07700900123",
        "0044 20 7946 0958",
        "004915112345678",
        "0800 123 4567",
      })
  void scrubsPhoneNumbersInInternationalAndNationalFormats(String phone) {
    assertThat(scrub("Call " + phone + " now.")).isEqualTo("Call [PHONE] now.");
    assertThat(scrub("tel:" + phone)).isEqualTo("tel:[PHONE]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "shipped in 2026",
        "upgrade to version 3.14.2 or v1.2.3",
        "due on 2026-09-01 at 10:30",
        "stamp 2026-09-01T10:30:15Z",
        "see ENG-1234 and ENG-56789012",
        "we have 12345 users",
        "it costs $1,250.00 per seat",
        "latency fell 12.5% and errors +20%",
        "scores 10 20 30 40 50",
        "ticket #4521 and 9876",
        "from 2020 to 2026 we grew 1.5 million",
        "build 20260901103015 passed",
        "ISO 8601 and RFC 3339",
        "page 12 of 345",
        "id 0000012345 and 00000000001",
        "epoch 1767225600 and 2025550143",
      })
  void keepsOrdinaryNumbers(String text) {
    assertKept(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "from 192.168.0.1 today => from [IP] today",
        "host 10.0.0.255:8080 => host [IP]:8080",
        "route 10.0.0.0/8 => route [IP]/8",
        "ping 2001:db8::1 => ping [IP]",
        "link-local fe80::1ff:fe23:4567:890a. => link-local [IP].",
        "loopback ::1 only => loopback [IP] only",
        "full 2001:0db8:85a3:0000:0000:8a2e:0370:7334 => full [IP]",
        "mapped ::ffff:192.0.2.128 => mapped [IP]",
        "[2001:db8::1]:443 => [[IP]]:443",
      })
  void scrubsIpAddresses(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "octets 999.1.1.1 are invalid",
        "version 1.2.3 shipped",
        "at 10:30:15 sharp",
        "std::vector and Foo::Bar",
        "release 1.2.3.4.5",
        "dead::beef is not an address",
        "builds 1.2.3.4-beta and 2.4.0.1+build",
      })
  void keepsThingsThatOnlyLookLikeIpAddresses(String text) {
    assertKept(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111 1111 1111 1111",
        "4111-1111-1111-1111",
        "4111111111111111",
        "378282246310005",
        "3782 822463 10005",
        "5555 5555 5555 4444",
        "6011111111111117",
        "4222222222222",
      })
  void scrubsLuhnValidCardNumbers(String card) {
    assertThat(scrub("card " + card + ", thanks")).isEqualTo("card [CARD], thanks");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "order 4111111111111112 shipped",
        "order 4111 1111 1111 1112 shipped",
        "order 1234-5678-9012-3456 shipped",
      })
  void keepsLuhnInvalidNumbers(String text) {
    assertKept(text);
  }

  @Test
  void readsACardBeforeAPhoneAndSplitsNeighbouringNumbers() {
    assertThat(scrub("+44 20 7946 0958 4111 1111 1111 1111"))
        .isEqualTo("[PHONE] [CARD]");
    assertThat(scrub("call 020 7946 0958 2 times")).isEqualTo("call [PHONE] 2 times");
  }
}
