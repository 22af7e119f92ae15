package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Emails, names and mentions: a positive and a negative case for each rule. */
class ScrubberPeopleTest {
  private static final Scrubber SCRUBBER = Scrubber.standard();
  private static final List<String> ADA = List.of("Ada Lovelace", "Ada", "Lovelace");

  private static String scrub(String text) {
    return SCRUBBER.scrub(text, List.of());
  }

  /** Asserts that the text comes back untouched, as the very same instance. */
  private static void assertKept(String text) {
    assertThat(scrub(text)).isSameAs(text);
  }

  private static String scrub(String text, String... nameParts) {
    return SCRUBBER.scrub(text, Arrays.asList(nameParts));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "Mail Ada.Lovelace+x@Example.CO.uk today => Mail [EMAIL] today",
        "ADA@EXAMPLE.COM => [EMAIL]",
        "(ada@example.com). => ([EMAIL]).",
        "<mailto:ada.lovelace@example.org> => <mailto:[EMAIL]>",
        "'ada_l-99@sub.example.io' => '[EMAIL]'",
        "josé@exämple.de wrote => [EMAIL] wrote",
        "a@b.co,c@d.org => [EMAIL],[EMAIL]",
      })
  void scrubsEmailAddressesInAnyCase(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "meet me @ 5pm",
        "write to user at example dot com",
        "release v1.2@beta",
        "prices: 3 @ $10",
        "the @ sign alone",
      })
  void keepsTextThatOnlyLooksLikeAnEmail(String text) {
    assertKept(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "Ada Lovelace wrote it => [NAME] wrote it",
        "thanks ADA and lovelace => thanks [NAME] and [NAME]",
        "Ada's notes, by Lovelace. => [NAME]'s notes, by [NAME].",
        "ada_lovelace is not a word match but ada-lovelace is => "
            + "ada_lovelace is not a word match but [NAME]-[NAME] is",
      })
  void scrubsTheActorsNameAndEachPartIgnoringCase(String text, String expected) {
    assertThat(SCRUBBER.scrub(text, ADA)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "the annual planning meeting",
        "annotated the planning doc",
        "ANNEX B, planned",
      })
  void keepsWordsThatMerelyContainAName(String text) {
    assertThat(scrub(text, "Ann")).isSameAs(text);
  }

  @Test
  void scrubsANameInAnyCaseAsAWholeWord() {
    assertThat(scrub("Ann and ann and ANN, not annual", "Ann"))
        .isEqualTo("[NAME] and [NAME] and [NAME], not annual");
  }

  @Test
  void treatsRegexMetacharactersInNamesLiterally() {
    List<String> parts = List.of("Zoë O'Brien (QA)", "Zoë", "O'Brien", "(QA)", ".*", "a+b");
    assertThat(SCRUBBER.scrub("ping Zoë O'Brien (QA), zoë and o'brien; a+b, aab", parts))
        .isEqualTo("ping [NAME], [NAME] and [NAME]; [NAME], aab");
    assertThat(SCRUBBER.scrub("nothing .* matches here", List.of(".*", "[", "\\")))
        .isEqualTo("nothing .* matches here");
  }

  @Test
  void scrubsNonAsciiNamesInEitherUnicodeForm() {
    List<String> parts = List.of("José Núñez", "José", "Núñez");
    assertThat(SCRUBBER.scrub("JOSÉ and núñez, José Núñez", parts))
        .isEqualTo("[NAME] and [NAME], [NAME]");
    assertThat(SCRUBBER.scrub("decomposed Jose\u0301 too", parts))
        .isEqualTo("decomposed [NAME] too");
    assertThat(SCRUBBER.scrub("but not josefina or jose", parts))
        .isEqualTo("but not josefina or jose");
  }

  @Test
  void ignoresNullBlankAndSingleLetterNameParts() {
    String text = "A b c and the team";
    assertThat(SCRUBBER.scrub(text, Arrays.asList(null, "", "  ", "A", "b."))).isSameAs(text);
    assertThat(SCRUBBER.scrub(text, null)).isSameAs(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "@ada please review => [MENTION] please review",
        "cc @ada.lovelace. => cc [MENTION].",
        "thanks @Ada_L! => thanks [MENTION]!",
        "[~accountid:5b10a2844c20165700ede21g] fixed it => [MENTION] fixed it",
        "assigned to [~ada] => assigned to [MENTION]",
        "@[Ada Lovelace](accountid:557058:3f0c9d1e-1111-2222-3333-444455556666) said => "
            + "[MENTION] said",
        "owner accountid:557058:3f0c9d1e-1111-2222-3333-444455556666 here => owner [MENTION] here",
        "{\"accountId\": \"5b10a2844c20165700ede21g\"} => {\"accountId\": \"[MENTION]\"}",
      })
  void scrubsMentionsAndAccountIdMarkup(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @Test
  void scrubsConfluenceUserMarkup() {
    String text =
        "<ac:link><ri:user ri:account-id=\"557058:f1a2b3c4-d5e6-47f8-9a0b-c1d2e3f4a5b6\"/>"
            + "</ac:link> approved";
    assertThat(scrub(text)).isEqualTo("<ac:link>[MENTION]</ac:link> approved");
  }

  @Test
  void readsAnAddressAsAnEmailNotAMention() {
    assertThat(scrub("from ada@example.com and @ada")).isEqualTo("from [EMAIL] and [MENTION]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "@Override public void run()",
        "npm install @types/node",
        "meet @ noon",
        "@@ -1,4 +1,5 @@",
        "notify @here and @channel",
      })
  void keepsAtSignsThatNameNobody(String text) {
    assertKept(text);
  }
}
