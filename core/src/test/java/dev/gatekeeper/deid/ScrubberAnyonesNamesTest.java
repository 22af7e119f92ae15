package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The names of anyone, not only the actor's (POLICY.md "De-identification"): the sentences the
 * issue "Names of anyone" was filed with, and the words that must stay.
 */
class ScrubberAnyonesNamesTest {
  private static String scrub(String text) {
    return Scrubber.standard().scrub(text, List.of());
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '§',
      value = {
        "Call Beatriz Okonjo-Ferreira on +1 415 555 0177 before the release => Call [NAME] on [PHONE] before the release",
        "Pinged Henrik Aaltonen and Grainne Mac Suibhne in the channel => Pinged [NAME] and [NAME] in the channel",
        "Regards, Adebayo Oyinlola => Regards, [NAME]",
        "Approved by Dr. Wilhelmina Strand => Approved by [NAME]",
        "Meeting notes - attendees: Kofi Asante, Hyun-woo Park, Zofia Wrobel => Meeting notes - attendees: [NAME], [NAME], [NAME]",
        "Ottoline said Finch's review can wait => [NAME] said [NAME]'s review can wait",
        "Thanks Priya! Ask Rose for the logs. => Thanks [NAME]! Ask [NAME] for the logs.",
        "Paired with Tomasz on the migration => Paired with [NAME] on the migration",
        "Fatima Zahra Benali and Seán O'Connell reported it => [NAME] and [NAME] reported it",
        "Hi Siobhán, can you check with Ngozi Adichie-Okafor? => Hi [NAME], can you check with [NAME]?",
        "山田太郎 reviewed it; 김민준 too. Дмитрий Соколов approved. => [NAME] reviewed it; [NAME] too. [NAME] approved.",
        "Mrs de Boer joins the board => [NAME] joins the board",
        "Stefan B. Jovanović, can you look? => [NAME], can you look?",
      })
  void scrubsTheNamesOfAnyoneInAnyPosition(String text, String expected) {
    assertThat(scrub(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Will this fix it?",
        "Mark as done before the May release.",
        "Bill the customer on Monday.",
        "The Phoenix team shipped Confluence macros to Jira Service Management in London.",
        "Sprint 12 Review: Terraform, Kubernetes and PostgreSQL upgrades are done.",
        "Grant access to the Grafana workspace for the Platform squad in August.",
        "Rose by 3% after the cache change; Frank feedback from the retro.",
        "Earl Grey or English Breakfast for the offsite?",
        "We moved the San Francisco office to Project Atlas in São Paulo.",
      })
  void keepsOrdinaryCapitalisedWords(String text) {
    assertThat(scrub(text)).isSameAs(text);
  }
}
