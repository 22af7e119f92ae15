package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bank accounts, national identification numbers and street addresses: positive and negative
 * cases for each rule.
 */
class ScrubberIdentifiersTest {
  private static final Scrubber SCRUBBER = Scrubber.standard();
  private static final int MEGABYTE = 1 << 20;

  /**
   * The text with every finding replaced except a name alone, so that these cases pin the rules
   * of this class and not the name rule's reading of words such as "Long" or "Smith".
   */
  private static String scrub(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (Scrubber.Finding f : SCRUBBER.findings(text, List.of())) {
      if (f.type() != Placeholder.NAME) {
        out.append(text, copied, f.start()).append(f.type().token());
        copied = f.end();
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "de89 3704 0044 0532 0130 00",
        "GB29 NWBK 6016 1331 9268 19",
        "gb29nwbk60161331926819",
        "NL91 ABNA 0417 1643 00",
        "BE68 5390 0754 7034",
        "NO93 8601 1117 947",
        "FR14 2004 1010 0505 0001 3M02 606",
        "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
        "AT61 1904 3002 3457 3201",
        "BA39 1290 0794 0102 8494",
        "JO94 CBJO 0010 0000 0000 0131 0003 02",
      })
  void scrubsIbansWithValidCheckDigitsCompactOrGrouped(String iban) {
    assertThat(scrub("Pay to " + iban + " today.")).isEqualTo("Pay to [IBAN] today.");
    assertThat(scrub("IBAN:" + iban)).isEqualTo("IBAN:[IBAN]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        // The groups after an IBAN are not read on into the next word or number.
        "IBAN DE89 3704 0044 0532 0130 00 was used => IBAN [IBAN] was used",
        "BE68 5390 0754 7034 next => [IBAN] next",
        "(DE89370400440532013000) => ([IBAN])",
        // Not in the registry table: any length, as long as the check digits hold.
        "account AO06 0044 0000 6729 5030 1010 2 ok => account [IBAN] ok",
      })
  void endsAnIbanAtItsLengthOrAtTheLastGroupThatChecks(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GB29 NWBK 6016 1331 9268 18 is one digit off",
        "DE89370400440532013001 fails its check",
        "DE89 3704 0044 0532 0130 0 is a character short",
        "ticket XY12AB and SHA256 and p99 and x86_64 and UTF8",
        "codes AB12 CD34 EF56 GH78 stay",
        "part DE89370400440532013000X continues a word",
      })
  void keepsWhatIsNotAnIban(String text) {
    assertThat(scrub(text)).doesNotContain("[IBAN]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "SSN 078-05-1120 => SSN [NATIONAL_ID]",
        "ssn: 123 45 6789. => ssn: [NATIONAL_ID].",
        "(123-45-6789) => ([NATIONAL_ID])",
        "SSN 078051120 => SSN [NATIONAL_ID]",
        "SSN: 078051120 => SSN: [NATIONAL_ID]",
        "SSN #078051120 => SSN #[NATIONAL_ID]",
        "SSN on file: 078051120 => SSN on file: [NATIONAL_ID]",
        "social security number 078051120 => social security number [NATIONAL_ID]",
        "Social Security No. 078051120 => Social Security No. [NATIONAL_ID]",
        "their SSNs are 078051120 and 219099999 => their SSNs are [NATIONAL_ID] and 219099999",
      })
  void scrubsSocialSecurityNumbersSeparatedOrLabelled(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "order 078051120 shipped",
        "areas 000-12-3456 666-12-3456 900-12-3456 never issued",
        "group 123-00-4567 and serial 123-45-0000 never issued",
        "due 2026-08-17 and 08-17-2026",
        "keys ENG-123-45-6789 and 123-45-6789-beta and v1.123-45-6789",
        "ratio 123-45-6789.5 and run 12 123 45 6789",
        "mixed 123-45 6789 separators",
        "the SSN field was removed, see order 078051120",
      })
  void keepsNumbersThatOnlyLookLikeSocialSecurityNumbers(String text) {
    assertThat(scrub(text)).doesNotContain("[NATIONAL_ID]");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "NINO QQ 12 34 56 C. => NINO [NATIONAL_ID].",
        "NI number AB123456C => NI number [NATIONAL_ID]",
        "ni ab123456c => ni [NATIONAL_ID]",
        "NI: AB 123456 C => NI: [NATIONAL_ID]",
        "National Insurance: MY 97 81 49 C => National Insurance: [NATIONAL_ID]",
        "HT176251A, JZ987654D => [NATIONAL_ID], [NATIONAL_ID]",
      })
  void scrubsNationalInsuranceNumbers(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "prefixes DA123456C FA123456C IA123456C QA123456C UA123456C VA123456C",
        "prefixes AD123456C AO123456C AV123456C",
        "prefixes BG123456A GB123456A KN123456A NK123456A NT123456A TN123456A ZZ123456A",
        "suffix AB123456E and AB12345C and AB1234567C",
        "glued XAB123456C and AB123456CX",
        "prose on 12 34 56 a list",
        "mixed Ab123456C case",
      })
  void keepsWhatIsNotANationalInsuranceNumber(String text) {
    assertThat(scrub(text)).doesNotContain("[NATIONAL_ID]");
  }

  @Test
  void typesAnIbanOrNationalIdThatThePhoneRuleAlsoReads() {
    assertThat(scrub("call 078 05 1120")).isEqualTo("call [NATIONAL_ID]");
    assertThat(scrub("IBAN NO93 8601 1117 947")).isEqualTo("IBAN [IBAN]");
  }

  static Stream<Arguments> megabyteInputs() {
    return Stream.of(
        kept("letters glued to digits", n -> "AB12".repeat(n / 4)),
        kept("groups after a country code", n -> "DE89" + " 3704".repeat(n / 5)),
        kept("capitals before digits", n -> "AB 12 ".repeat(n / 6)),
        changed("repeated IBANs", n -> "DE89370400440532013000 ".repeat(n / 23),
            n -> "[IBAN] ".repeat(n / 23)));
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
    assertThat(scrub(text)).isEqualTo(expected);
  }
}
