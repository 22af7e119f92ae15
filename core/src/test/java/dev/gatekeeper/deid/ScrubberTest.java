package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Whole-text properties: the fast path, all-PII text, huge inputs and sharing across threads. */
class ScrubberTest {
  private static final Scrubber SCRUBBER = Scrubber.standard();
  private static final List<String> ADA = List.of("Ada Lovelace", "Ada", "Lovelace");
  private static final int MEGABYTE = 1 << 20;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "The sprint review moved to Thursday; the annual planning doc is in the usual place.",
        "Release 3.14.2 (build 20260901) fixed ENG-1234 and ENG-1250: p99 latency fell 12.5%"
            + " to 250 ms for 12345 users, costing $1,250.00 a month.",
        "At 10:30:15 on 2026-09-01 the v1.2.3 deploy to region eu-west-1 rolled back.",
        "See https://docs.python.org/3/library/re.html and RFC 3339, section 5.6.",
        "Note: timeout=30, retries: 3, tokens: 5; the bearer of the news was the secretary.",
        "Größenänderung für das Café — naïve façade, 東京 and Ελλάδα.",
        "Use std::vector<int> or Foo::Bar; annotate with @Override and @Test.",
      })
  void returnsTheSameInstanceWhenNothingIsFound(String text) {
    assertThat(SCRUBBER.scrub(text, ADA)).isSameAs(text);
  }

  @Test
  void textThatIsNothingButPiiBecomesOnlyPlaceholdersAndSeparators() {
    String text =
        "Ada Lovelace <ada.lovelace@example.com>, +44 20 7946 0958; (202) 555-0143\n"
            + "4111 1111 1111 1111 | 192.168.0.1 / 2001:db8::1 @ada [~accountid:5b10a2844c201657]\n"
            + "https://acme.atlassian.net/wiki/people/557058 AKIAIOSFODNN7EXAMPLE "
            + "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\tLovelace";
    String scrubbed = SCRUBBER.scrub(text, ADA);
    assertThat(scrubbed)
        .matches("(\\[(EMAIL|NAME|MENTION|PHONE|IP|URL|CARD|SECRET)\\]|[\\s,;|/<>])+");
    assertThat(scrubbed).contains(
        "[NAME]", "[EMAIL]", "[PHONE]", "[CARD]", "[IP]", "[MENTION]", "[URL]", "[SECRET]");
  }

  static Stream<Arguments> megabyteInputs() {
    return Stream.of(
        kept("digits", n -> "7".repeat(n)),
        kept("spaced digits", n -> "1 ".repeat(n / 2)),
        kept("dotted digits", n -> "1.".repeat(n / 2) + "1"),
        kept("at signs", n -> "@".repeat(n)),
        kept("glued at signs", n -> "a@".repeat(n / 2)),
        kept("colons", n -> "1:".repeat(n / 2)),
        kept("hex and colons", n -> "a:b::".repeat(n / 5)),
        kept("dots", n -> "a.".repeat(n / 2)),
        kept("dashes", n -> "-".repeat(n)),
        kept("brackets", n -> "[~".repeat(n / 2)),
        kept("JWT start without an end", n -> "eyJ" + "a".repeat(n)),
        kept("comparisons", n -> "token == ".repeat(n / 9)),
        changed("long local part", n -> "a".repeat(n) + "@example.com",
            n -> "a".repeat(n - 256) + "[EMAIL]"),
        changed("endless customer URL", n -> "https://acme.atlassian.net/" + "a".repeat(n),
            n -> "[URL]"),
        changed("key block without an end",
            n -> "-----BEGIN RSA PRIVATE KEY-----\n" + "QUJD\n".repeat(n / 5), n -> "[SECRET]"),
        changed("labelled values", n -> "token=x ".repeat(n / 8),
            n -> "token=[SECRET] ".repeat(n / 8)),
        changed("unterminated quotes", n -> "password=\"abc\n".repeat(n / 14),
            n -> "password=\"[SECRET]\n".repeat(n / 14)),
        changed("repeated emails", n -> "ada@example.com ".repeat(n / 16),
            n -> "[EMAIL] ".repeat(n / 16)),
        changed("repeated phones", n -> "+44 20 7946 0958 ".repeat(n / 17),
            n -> "[PHONE] ".repeat(n / 17)),
        changed("repeated names", n -> "Ada ".repeat(n / 4), n -> "[NAME] ".repeat(n / 4)));
  }

  private static Arguments kept(String name, IntFunction<String> input) {
    String text = input.apply(MEGABYTE);
    return Arguments.of(name, text, text);
  }

  private static Arguments changed(
      String name, IntFunction<String> input, IntFunction<String> expected) {
    return Arguments.of(name, input.apply(MEGABYTE), expected.apply(MEGABYTE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("megabyteInputs")
  void completesOnMegabyteInputs(String name, String text, String expected) {
    assertThat(SCRUBBER.scrub(text, ADA)).isEqualTo(expected);
  }

  @Test
  void givesTheSameResultsWhenSharedBetweenThreads() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      texts.add("Ticket " + i + ": Ada mailed ada" + i + "@example.com from 10.0." + (i % 256)
          + ".1, call +44 20 7946 " + (1000 + i) + ", card 4111 1111 1111 1111, build 3.14." + i);
    }
    List<String> expected = new ArrayList<>();
    for (String text : texts) {
      expected.add(SCRUBBER.scrub(text, ADA));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          List<String> out = new ArrayList<>();
          for (String text : texts) {
            out.add(SCRUBBER.scrub(text, ADA));
          }
          return out;
        }));
      }
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(expected.get(7))
        .isEqualTo(
            "Ticket 7: [NAME] mailed [EMAIL] from [IP], call [PHONE], card [CARD], build 3.14.7");
  }

  @Test
  void placeholderTokensAreBracketedNames() {
    for (Placeholder p : Placeholder.values()) {
      assertThat(p.token()).isEqualTo("[" + p.name() + "]");
    }
  }

  @Test
  void returnsNullForNullText() {
    assertThat(SCRUBBER.scrub(null, ADA)).isNull();
  }
}
