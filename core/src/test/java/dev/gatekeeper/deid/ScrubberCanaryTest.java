package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plants canary values (names, emails, phones, cards, tokens, ...) in many kinds of text and
 * asserts that none of them, nor any distinctive piece of them, survives scrubbing.
 */
class ScrubberCanaryTest {
  private static final Scrubber SCRUBBER = Scrubber.standard();

  private static final List<String> ACTOR =
      List.of("Quillon Marwick-Zeebe", "Quillon", "Marwick-Zeebe");

  private static final String JWT =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6ImNhbmFyeSJ9"
          + ".eyJzdWIiOiJxdWlsbG9uIiwiZW1haWwiOiJjYW5hcnkifQ"
          + ".Q2FuYXJ5U2lnbmF0dXJlMDEyMzQ1Njc4OQ";

  private static final String PEM =
      "-----BEGIN PRIVATE KEY-----\n"
          + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCanaryKeyLine1\n"
          + "CanaryKeyLine2xyz+/0123456789abcdefABCDEF\n"
          + "-----END PRIVATE KEY-----";

  /** What is planted, and the parts of it that must not survive (null: its long fragments). */
  private static final String[][] CANARIES = {
    {"Quillon Marwick-Zeebe", null},
    {"QUILLON", null},
    {"marwick-zeebe's", "marwick-zeebe"},
    {"quillon.marwick@canarymail.example", null},
    {"Q.Marwick+alerts@Canary-Mail.EXAMPLE.org", null},
    {"+44 20 7946 0321", null},
    {"+1-202-555-0187", null},
    {"+4915112349876", null},
    {"+33 (0)1 42 68 53 07", "42 68 53 07"},
    {"(020) 7946 0321", null},
    {"202.555.0187", "555.0187"},
    {"(202) 555-0187", "555-0187"},
    {"07700 900417", "900417"},
    {"4539 1488 0343 6467", null},
    {"5425-2334-3010-9903", null},
    {"371449635398431", null},
    {"@quillon", "quillon"},
    {"@quillon.marwick", "quillon"},
    {"[~accountid:5c2a9d8e7f6b5a4c3d2e1f00]", null},
    {"[~qmarwick]", null},
    {"@[Quillon M](accountid:557058:ca0a1111-2222-3333-4444-555566667777)", null},
    {"<ri:user ri:account-id=\"557058:ca0a1111-2222-3333-4444-555566667777\"/>", "ca0a1111"},
    {"accountid:557058:ca0a1111-2222-3333-4444-555566667777", "ca0a1111"},
    {"203.0.113.77", "203.0.113.77"},
    {"2001:db8:cafe::77", "cafe::77"},
    {"fe80::1ff:fe23:4567:890a", null},
    {"https://canaryco.atlassian.net/wiki/spaces/QM/pages/987", null},
    {"canaryco.atlassian.net/browse/QM-1", null},
    {"https://example.com/users/qmarwick", "qmarwick"},
    {"https://trello.com/b/CanAry12/board", null},
    {"AKIACANARYKEY0000001", null},
    {"ghp_CanaryTokenValue0123456789abcdefghij", null},
    {"xoxb-000000000001-canarytoken0001", null},
    {"sk_live_CanaryStripeKey000001", null},
    {"ATATT3xCanaryAtlassianToken0123456789=ABCD", null},
    {"AIzaCanaryGoogleKey0123456789abcdefghijk", null},
    {"Authorization: Bearer CanaryBearer0123456789", "CanaryBearer0123456789"},
    {"password=CanaryPassw0rd!", "CanaryPassw0rd"},
    {"\"client_secret\": \"CanaryClientSecret\"", "CanaryClientSecret"},
    {"aws_secret_access_key: CanaryAwsSecret/Key+0123", "CanaryAwsSecret"},
    {JWT, null},
    {PEM, null},
    {"DE89 3704 0044 0532 0130 00", null},
    {"GB29NWBK60161331926819", null},
    {"078-05-1120", null},
    {"SSN 219099999", "219099999"},
    {"QQ 12 34 56 C", "12 34 56"},
    {"AB123456C", null},
    {"221B Baker Street", null},
    {"NW1 6XE", "6XE"},
    {"Hauptstraße 5", null},
    {"10 rue de Rivoli", "Rivoli"},
    {"San Francisco, CA 94107", "94107"},
  };

  private static final String[] CONTEXTS = {
    "%s",
    "Contact: %s.",
    "(%s)",
    "\"%s\"",
    "'%s'",
    "<p>%s</p>",
    "* %s\n* next item",
    "%s, %s",
    "Line one\n%s\nline three",
    "{\"field\": \"%s\"}",
    "[%s]",
    "- reported via %s;",
    "Reported by %s at the standup",
    "\t%s\t",
  };

  static Stream<Arguments> canariesInContexts() {
    List<Arguments> cases = new ArrayList<>();
    for (String[] canary : CANARIES) {
      for (String context : CONTEXTS) {
        cases.add(Arguments.of(context.replace("%s", canary[0]), mustVanish(canary), context));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("canariesInContexts")
  void noCanarySurvivesInAnyContext(String text, List<String> mustVanish, String context) {
    String scrubbed = withoutPlaceholders(SCRUBBER.scrub(text, ACTOR));
    for (String secret : mustVanish) {
      if (!context.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT))) {
        assertThat(scrubbed)
            .as("scrubbed %s", text)
            .doesNotContain(secret.toLowerCase(Locale.ROOT));
      }
    }
  }

  @Test
  void noCanarySurvivesInADocumentHoldingThemAll() {
    StringBuilder document = new StringBuilder("Incident notes\n\n");
    for (String[] canary : CANARIES) {
      document.append("Seen: ").append(canary[0]).append(" (again ").append(canary[0])
          .append(").\n\n");
    }
    String scrubbed = SCRUBBER.scrub(document.toString(), ACTOR);
    assertThat(scrubbed).startsWith("Incident notes\n\nSeen: [NAME] (again [NAME]).");
    scrubbed = withoutPlaceholders(scrubbed);
    for (String[] canary : CANARIES) {
      for (String secret : mustVanish(canary)) {
        assertThat(scrubbed).doesNotContain(secret.toLowerCase(Locale.ROOT));
      }
    }
  }

  /** The text in lower case with every placeholder blanked, so "[EMAIL]" cannot match "mail". */
  private static String withoutPlaceholders(String scrubbed) {
    String result = scrubbed;
    for (Placeholder p : Placeholder.values()) {
      result = result.replace(p.token(), " ");
    }
    return result.toLowerCase(Locale.ROOT);
  }

  /** The canary's runs of letters and digits of four or more, or its listed part. */
  private static List<String> mustVanish(String[] canary) {
    if (canary[1] != null) {
      return List.of(canary[1]);
    }
    List<String> parts = new ArrayList<>();
    for (String part : canary[0].split("[^\\p{L}\\p{N}]+")) {
      if (part.length() >= 4 && !isKeptWord(part)) {
        parts.add(part);
      }
    }
    return parts;
  }

  /** Words a canary may carry that are meant to stay, such as a PEM block's frame. */
  private static boolean isKeptWord(String part) {
    return List.of("https", "wiki", "spaces", "pages", "browse", "board").contains(part);
  }
}
