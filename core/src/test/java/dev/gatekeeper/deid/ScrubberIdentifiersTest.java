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

  private static void assertKept(String text) {
    assertThat(scrub(text)).isEqualTo(text);
  }

  @Test
  void scrubsAnIbanASocialSecurityNumberAndAnAddressInOneSentence() {
    String text = "Transfer to IBAN DE89 3704 0044 0532 0130 00, SSN 078-05-1120, ship to 221B"
        + " Baker Street, London NW1 6XE";
    assertThat(SCRUBBER.scrub(text, List.of()))
        .isEqualTo(
            "Transfer to IBAN [IBAN], SSN [NATIONAL_ID], ship to [ADDRESS], London [ADDRESS]");
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

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "at 10 Downing Street today => at [ADDRESS] today",
        "(221B Baker Street) => ([ADDRESS])",
        "to 221B Baker Street, London => to [ADDRESS], London",
        "at 12-14 Baker St. Then we left. => at [ADDRESS]. Then we left.",
        "at 1600 Pennsylvania Avenue NW => at [ADDRESS]",
        "at 350 5th Ave => at [ADDRESS]",
        "at 123 N. Main St => at [ADDRESS]",
        "at 12 St. John's Wood Road => at [ADDRESS]",
        "at 5 Church Hill Road => at [ADDRESS]",
        "at 196 Salisbury St, Oxford => at [ADDRESS], Oxford",
        "at 1216 Colfax Blvd => at [ADDRESS]",
        "send to 123 MAIN STREET => send to [ADDRESS]",
        "to Flat 3, 12 Baker Street => to [ADDRESS]",
        "to Flat 3 12 Baker Street => to [ADDRESS]",
        "to Apt 4B, 221 Main St, Suite 200 => to [ADDRESS]",
        "to Unit 5 Brook Road => to [ADDRESS]",
        "to 42 Wallaby Way, Sydney => to [ADDRESS], Sydney",
        "to 5 Abbey Close. => to [ADDRESS].",
        "to 4 Privet Drive => to [ADDRESS]",
        "lives at 5 Ash Court in Leeds => lives at [ADDRESS] in Leeds",
        "to 1 Infinite Loop, Cupertino => to [ADDRESS], Cupertino",
        "to No. 10 Downing Street => to No. [ADDRESS]",
      })
  void scrubsStreetAddressesWithTheNumberFirst(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "Hauptstraße 5 => [ADDRESS]",
        "Hauptstrasse 5a und => [ADDRESS] und",
        "Hauptstr. 5-7 => [ADDRESS]",
        "Berliner Straße 12 => [ADDRESS]",
        "Kastanienallee 44 => [ADDRESS]",
        "Am Lindenweg 3 => [ADDRESS]",
        "Keizersgracht 123 => [ADDRESS]",
        "Drottninggatan 5 => [ADDRESS]",
        "rue de Rivoli 10 => [ADDRESS]",
        "10 rue de Rivoli => [ADDRESS]",
        "10, rue de Rivoli => [ADDRESS]",
        "10 avenue des Champs-Élysées => [ADDRESS]",
        "2 Avenue Foch => [ADDRESS]",
        "5 Place Vendôme, Paris => [ADDRESS], Paris",
        "Calle Mayor 5 => [ADDRESS]",
        "Via Roma 12, Milano => [ADDRESS], Milano",
        "Via del Corso 12, 00186 Roma => [ADDRESS], [ADDRESS] Roma",
        "Ul. Marszałkowska 10 => [ADDRESS]",
        "Piazza della Signoria 1 => [ADDRESS]",
      })
  void scrubsContinentalStreetAddresses(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        // Street types that are ordinary words too, where the clause ends or the sentence
        // places them.
        "at 42 Victoria Park, Manchester => at [ADDRESS], Manchester",
        "to 8 Holly Vale. => to [ADDRESS].",
        "at 9 Riverside View, Durham => at [ADDRESS], Durham",
        "at 11 Sutton Heights, Birmingham => at [ADDRESS], Birmingham",
        "at 40 Hudson Yards, New York => at [ADDRESS], New York",
        "to 14 Gloucester Gate, London => to [ADDRESS], London",
        "at 4 Station Approach after six => at [ADDRESS] after six",
        "at 5 Riverside Walk is closed => at [ADDRESS] is closed",
        "confused 12 Carlton Place with the office => confused [ADDRESS] with the office",
        "taxi from 1 Churchill Place to the airport => taxi from [ADDRESS] to the airport",
        "at 15 Central Park West, New York => at [ADDRESS], New York",
        "to 4 Princes Esplanade, Edinburgh => to [ADDRESS], Edinburgh",
        "to 19 Blackfriars Causeway today => to [ADDRESS] today",
        "to 8 Seaview Promenade today => to [ADDRESS] today",
        // One-word streets.
        "to 1585 Broadway, New York => to [ADDRESS], New York",
        "to 120 Deansgate. => to [ADDRESS].",
        // Lower case.
        "to 12 baker street, london => to [ADDRESS], london",
        "Ship to 7 church road. => Ship to [ADDRESS].",
        // A count before the house number.
        "Parcels: 3 12 Baker Street => Parcels: 3 [ADDRESS]",
        "stops 1-2 12 Baker Street => stops 1-2 [ADDRESS]",
        // Units, floors and slashes.
        "to Unit 12, Trafford Park damaged => to [ADDRESS] damaged",
        "to Level 3, 100 Collins St => to [ADDRESS]",
        "to Unit 5/12 George St, Sydney => to [ADDRESS], Sydney",
        "to 7/45 Brunswick Street => to [ADDRESS]",
        "to 2200 Westlake Ave N, Unit 1204, Seattle => to [ADDRESS], Seattle",
        "to 160 Spear St, 13th Floor, San Francisco => to [ADDRESS], San Francisco",
        "to 10 Anson Road, #12-34, Singapore => to [ADDRESS], Singapore",
        "to 55 Water Street, Floor 10 => to [ADDRESS]",
        // Post office boxes.
        "to PO Box 1234, Leeds => to [ADDRESS], Leeds",
        "to P.O. Box 778 => to [ADDRESS]",
        "to Post Office Box 55 => to [ADDRESS]",
        // French number suffixes and Place without "de" before a placing word.
        "12 bis rue de la Paix => [ADDRESS]",
        "4 ter rue Victor Hugo => [ADDRESS]",
        "at 5 Place Vendôme in Paris => at [ADDRESS] in Paris",
        // Japanese blocks and Korean streets.
        "1-2-3 Shibuya, Shibuya-ku, Tokyo => [ADDRESS], Shibuya-ku, Tokyo",
        "2-8-1 Nishi-Shinjuku, Shinjuku-ku => [ADDRESS], Shinjuku-ku",
        "152 Teheran-ro, Gangnam-gu => [ADDRESS], Gangnam-gu",
      })
  void scrubsMoreStreetShapes(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "Kurfürstendamm 21 => [ADDRESS]",
        "Storgata 1 => [ADDRESS]",
        "Vesterbrogade 3 => [ADDRESS]",
        "Mannerheimintie 5 => [ADDRESS]",
        "Groenplaats 21 => [ADDRESS]",
        "Große Elbstraße 145 => [ADDRESS]",
        "Calle de Alcalá, 45 => [ADDRESS]",
        "Av. Paulista, 1578 => [ADDRESS]",
        "C/ Mayor 5 => [ADDRESS]",
        "C/Gran Vía 28 => [ADDRESS]",
        "Corso Buenos Aires 33 in Milan => [ADDRESS] in Milan",
        "ul. Marszałkowska 10/12 => [ADDRESS]",
        "Andrássy út 60 => [ADDRESS]",
        "Václavské náměstí 1 => [ADDRESS]",
        "Laan van Meerdervoort 12 => [ADDRESS]",
        "Jl. Sudirman 52 => [ADDRESS]",
      })
  void scrubsMoreStreetsNamedBeforeTheirNumber(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We have 5 Green builds in a row and 4 Park rangers",
        "Only 3 Victoria sponge cakes and 8 Broadway show tunes",
        "Our 6 Hudson Yards pitch deck and the 1 Infinite Loop jokes",
        "The 12 Baker street signs project",
        "5 miles down the road.",
        "I walked 3 more blocks down the road.",
        "it is a 2 way street.",
        "Shift 5/12 means five of twelve, score 7/10 on the survey",
        "Use step 1-2-3 as the mnemonic; the API returns 1-2-3 ordering",
        "Brigade 5 and Renegade 5 and Bow Tie 3",
        "Via Appia 2 is a game and Corso 3 players",
        "the heathrow gate 3 lounge",
        "Box 3 of 12, PO 4500012345 and the PO Boxes project",
        "Building 4 Park entrance and Room 12 Park view",
        "Calle Mayor, 5 Madrid",
      })
  void keepsMoreNumbersNearStreetWords(String text) {
    assertKept(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "London NW16XE => London [ADDRESS]",
        "code SW1A1AA => code [ADDRESS]",
        "Eircode D02 X285 => Eircode [ADDRESS]",
        "Cork T12 RW26. => Cork [ADDRESS].",
        "Postal code K1A 0B1 => Postal code [ADDRESS]",
        "Toronto, ON M5V 2T6 => Toronto, ON [ADDRESS]",
        "Sydney NSW 2000 => Sydney NSW [ADDRESS]",
        "Darwin NT 0800. => Darwin NT [ADDRESS].",
        "〒150-0043 Tokyo => 〒[ADDRESS] Tokyo",
        "1 Thames Embankment, London SE1 7PB => [ADDRESS], London [ADDRESS]",
        "88 Queen's Quay, Toronto M5J 0B8 => [ADDRESS], Toronto [ADDRESS]",
        "Storgata 1, 0155 Oslo => [ADDRESS], [ADDRESS] Oslo",
        "Drottninggatan 5, 111 51 Stockholm => [ADDRESS], [ADDRESS] Stockholm",
        "Rua Augusta 100, 1100-053 Lisboa => [ADDRESS], [ADDRESS] Lisboa",
        "ul. Floriańska 15, 31-019 Kraków => [ADDRESS], [ADDRESS] Kraków",
        "Groenplaats 21, 2000 Antwerpen => [ADDRESS], [ADDRESS] Antwerpen",
        "Calle de Alcalá, 45, 28014 Madrid => [ADDRESS], [ADDRESS] Madrid",
        "12 MG Road, Bengaluru 560001 => [ADDRESS], Bengaluru [ADDRESS]",
        "152 Teheran-ro, Gangnam-gu, Seoul 06236 => [ADDRESS], Gangnam-gu, Seoul [ADDRESS]",
        "12 Queen Street, Auckland 1010 => [ADDRESS], Auckland [ADDRESS]",
        "1-2-3 Shibuya, Shibuya-ku, Tokyo 150-0002 => [ADDRESS], Shibuya-ku, Tokyo [ADDRESS]",
        "Av. Paulista, 1578, São Paulo - SP, 01310-200 => [ADDRESS], São Paulo - SP, [ADDRESS]",
      })
  void scrubsMorePostcodes(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The K8S 1A2 cluster and ON M5V builds",
        "Revenue in NSW 2024 figures; the Sydney NSW office",
        "The D02 team, T12 meetings and F35 X2 slides",
        "Expect 150-0002 and 00-590 style ids, the 560001 build and 111 51 rows",
        "Sensor AB12CD, GPT4ALL, XY12AB and nw16xe",
      })
  void keepsMorePostcodeShapesWithoutTheirPlace(String text) {
    assertThat(scrub(text)).doesNotContain("[ADDRESS]");
  }

  @Test
  void takesNoYearAfterAnAddressForAPostcode() {
    assertThat(scrub("at 12 Baker Street since 2019 and Hauptstraße 5, Berlin 2024"))
        .isEqualTo("at [ADDRESS] since 2019 and [ADDRESS], Berlin 2024");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sprint 12 Review",
        "3 Main risks",
        "Room 4 Park",
        "Step 2 Drive the test",
        "version 2 Way forward",
        "the Main Street team",
        "2 Road trips",
        "Fixed 2 Close buttons",
        "3 Easy Way to fix it",
        "2 Supreme Court judges and 3 Supreme Court Justices",
        "went to 2 Supreme Court hearings and at 3 Easy Way to fix it",
        "Via Corso 3 people",
        "Merged 1234 Fix Close Dialog",
        "see PR 12 Main Street fix and issue 7 Baker Street and #12 Baker Street",
        "Phase 2 Oxford Street rollout and Chapter 3 Long Walk Home",
        "in 2024 Abbey Road reopened",
        "Q3 2026 Planning Way",
        "3 Dr Smith patients",
        "12 Baker street is lower case",
        "Top 5 Places to eat and Windows 11 Pro and Java 17 LTS",
        "I have 2 St Patrick's Day tickets",
        "Meet at 3 PM Monday in Building 2 Main Hall",
        "Via Slack 3 people joined, and via email 2 days later",
        "Straße 5 alone and Weg 3 and Renegade 5",
        "2 Place Holders are missing",
        "version 3.14.2 Road map",
      })
  void keepsNumbersBeforeCapitalisedWordsThatAreNotAddresses(String text) {
    assertKept(text);
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "London NW1 6XE => London [ADDRESS]",
        "SW1A 1AA and EC1A 1BB => [ADDRESS] and [ADDRESS]",
        "Manchester M1 1AE. => Manchester [ADDRESS].",
        "W1A 0AX => [ADDRESS]",
        "Cardiff CF24 3AA, tel => Cardiff [ADDRESS], tel",
        "San Francisco, CA 94107 => San Francisco, CA [ADDRESS]",
        "Newark, NJ 07141. => Newark, NJ [ADDRESS].",
        "Austin TX 78701-1234 => Austin TX [ADDRESS]",
        "Hauptstraße 5, 10115 Berlin => [ADDRESS], [ADDRESS] Berlin",
        "Kastanienallee 44, 80396 München. => [ADDRESS], [ADDRESS] München.",
        "Keizersgracht 123, 1015 CJ Amsterdam => [ADDRESS], [ADDRESS] Amsterdam",
        "Berliner Straße 12 in 10115 Berlin => [ADDRESS] in [ADDRESS] Berlin",
        "10 rue de Rivoli, 75001 Paris => [ADDRESS], [ADDRESS] Paris",
        "Bahnhofstrasse 1, 8001 Zürich => [ADDRESS], [ADDRESS] Zürich",
        "1600 Amphitheatre Parkway, Mountain View, CA 94043 => "
            + "[ADDRESS], Mountain View, CA [ADDRESS]",
      })
  void scrubsPostcodesThatTravelWithAnAddress(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "we have 10115 Berlin users",
        "1012 AB tests ran",
        "CA 94107 alone",
        "LOG IN 12345 and Version IN 12345",
        "MacBook M2 8GB and P1 2FA outage and 4x4 A1 4WD",
        "Q3 2AB and nw16xe and nw1 6xe",
        "ids AB1 2AB3 and XAB1 2AB",
      })
  void keepsPostcodeShapesWithoutTheirAddress(String text) {
    assertThat(scrub(text)).doesNotContain("[ADDRESS]");
  }

  @Test
  void takesNoContinentalPostcodeFromTheNextSentence() {
    assertThat(scrub("Hauptstraße 5. 10115 Berlin is next."))
        .isEqualTo("[ADDRESS]. 10115 Berlin is next.");
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
        kept("numbers before capitalised words", n -> "12 Baker ".repeat(n / 9)),
        kept("capitalised words before numbers", n -> "Via Roma Roma ".repeat(n / 14) + "12 x"),
        kept("street words without numbers", n -> "Hauptstraße ".repeat(n / 12)),
        kept("dashed numbers before capitalised words", n -> "1-2-3 Shibuya ".repeat(n / 14)),
        kept("counts and slashes", n -> "5/12 Box 12 12 baker ".repeat(n / 21)),
        kept("units and codes without streets", n -> "Unit 1, M5V 2T6 NSW 2000 ".repeat(n / 25)),
        changed("repeated post office boxes", n -> "PO Box 12, ".repeat(n / 11),
            n -> "[ADDRESS], ".repeat(n / 11)),
        changed("repeated streets", n -> "Hauptstraße 5 ".repeat(n / 14),
            n -> "[ADDRESS] ".repeat(n / 14)),
        changed("repeated addresses", n -> "10 Downing Street, ".repeat(n / 19),
            n -> "[ADDRESS], ".repeat(n / 19)),
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
