package dev.gatekeeper.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random work sentences with names the scrubber was never tuned on ({@code unseen-names.txt}:
 * no token shared with either half of the evaluation corpus), in every position the rules are
 * meant for: the share of names removed must stay at or above 0.95; and random work sentences
 * without names, full of capitalised words that are not names: the share of words kept must stay
 * at or above 0.97. Seeded, so a failure reproduces.
 */
class PersonNamesPropertyTest {
  private static final Scrubber SCRUBBER = Scrubber.standard();
  private static final int SAMPLES = 3_000;

  /** {F}: a full name; {G}: the given name alone. */
  private static final List<String> WITH_NAMES =
      List.of(
          "Hi {G}, can you take a look at the failing build?",
          "Thanks {G}!",
          "Thanks {F} for the quick turnaround on the hotfix.",
          "Regards, {F}",
          "Cheers,\n{G}",
          "Best regards, {F}",
          "Attendees: {F}, {F2}, {F3}",
          "{F} reported the bug in the billing service yesterday.",
          "{G} said the deploy is blocked on the security review.",
          "{F} will review the pull request tomorrow morning.",
          "Can you ask {G} about the retention settings?",
          "Please ping {F} before merging.",
          "cc {F}",
          "Paired with {G} on the flaky integration test.",
          "Assigned to {F}.",
          "Approved by {F}.",
          "Reviewed by {G} and {G2}.",
          "{G}'s review is still pending.",
          "I think {G} has the context on this one.",
          "{G} to follow up with the vendor.",
          "Action items: {G} to update the runbook, {G2} to book the room.",
          "Call {F} if the pager goes off again.",
          "Escalated to {F} in the incident channel.",
          "Dear {F}, your access request has been approved.",
          "Handed over to {G} while I am on leave.",
          "Talked to {F} about the roadmap for next quarter.",
          "Feedback from {G} on the onboarding doc was really useful.",
          "Loop in {F} on the data retention question.",
          "{F} and {F2} are presenting at the demo on Thursday.",
          "Owner: {F}",
          "Happy birthday {G}!",
          "Shout-out to {F} for fixing the memory leak.",
          "Waiting on {G} for the final numbers.",
          "{G}, could you double-check the migration script?",
          "Nice work on the release, {G}!",
          "Met with {F} to go through the audit findings.",
          "Kudos to {G} and {G2} for the incident write-up.",
          "Meeting notes - present: {F}, {F2}; apologies: {F3}.",
          "Did {G} ever send the slides?",
          "Let {G} know the staging environment is back.");

  private static final List<String> WITHOUT_NAMES =
      List.of(
          "{P} deploys are paused until {D} while {T} finishes the {P2} migration.",
          "Will this fix the {P} timeout before the {M} release?",
          "Mark as done once {T} confirms the {P} dashboards look right.",
          "Bill the customer for the {P} add-on at the end of {M}.",
          "The {T} team moved the {P} sync to {D} afternoon.",
          "{P} and {P2} both need an upgrade before {M}.",
          "Grant access to the {P} workspace for the new {T} contractors.",
          "Our {P} cluster in {C} ran out of disk space on {D}.",
          "Hope this helps: the {P} docs cover the {P2} plugin too.",
          "Sprint review moved to {D}; {T} will demo the {P} changes.",
          "Frank feedback from the {T} retro: {P} alerts are too noisy.",
          "Chase the vendor about the {P} licence renewal in {M}.",
          "Jack up the {P} heap size and rerun the {P2} job.",
          "Rose by 3% after the {P} cache change went live in {C}.",
          "{T} owns the {P} pipeline; {P2} is shared with the {C} office.",
          "Summer interns start in {M} and join {T}.",
          "Project {X} kicks off on {D} with the {T} squad.",
          "The {X} rollout to {C} slipped to {M}.",
          "Ruby on Rails upgrades for {P} are tracked in the {X} epic.",
          "Rich text editing in {P} breaks when {P2} is enabled.");

  private static final List<String> PRODUCTS =
      List.of(
          "Jira", "Confluence", "Bitbucket", "Kafka", "Grafana", "Terraform", "Kubernetes",
          "PostgreSQL", "Redis", "Slack", "GitHub", "Jenkins", "Datadog", "Sentry", "Snowflake",
          "Airflow", "Elasticsearch", "Okta", "Figma", "Zendesk", "Salesforce", "Looker");
  private static final List<String> TEAMS =
      List.of(
          "Platform", "Payments", "Growth", "Security", "Data", "Mobile", "Infra", "Search",
          "Identity", "Billing", "Support", "Design");
  private static final List<String> CODENAMES =
      List.of("Atlas", "Phoenix", "Falcon", "Orion", "Apollo", "Nimbus", "Aurora", "Horizon");
  private static final List<String> CITIES =
      List.of("Sydney", "London", "Berlin", "Toronto", "Bengaluru", "Amsterdam", "Austin", "Dublin");
  private static final List<String> DAYS =
      List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
  private static final List<String> MONTHS =
      List.of("January", "March", "May", "June", "August", "October", "December");

  @Test
  void removesNamesItWasNeverTunedOnInWorkSentences() throws IOException {
    List<String> names = unseenNames();
    Random random = new Random(20261130L);
    int injectedCount = 0;
    int removed = 0;
    for (int i = 0; i < SAMPLES; i++) {
      String template = WITH_NAMES.get(random.nextInt(WITH_NAMES.size()));
      List<String> injected = new ArrayList<>();
      String sentence = template;
      for (String slot : new String[] {"{F}", "{F2}", "{F3}", "{G}", "{G2}"}) {
        while (sentence.contains(slot)) {
          String name = names.get(random.nextInt(names.size()));
          if (slot.startsWith("{G")) {
            name = name.split(" ")[0];
          }
          injected.add(name);
          sentence = sentence.replaceFirst(java.util.regex.Pattern.quote(slot), name);
        }
      }
      String scrubbed = SCRUBBER.scrub(sentence, List.of());
      for (String name : injected) {
        injectedCount++;
        if (!containsAnyPart(scrubbed, name)) {
          removed++;
        }
      }
    }
    double rate = (double) removed / injectedCount;
    assertThat(rate).as("share of unseen names removed over %d names", injectedCount).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void keepsOrdinaryWordsInWorkSentencesWithoutNames() {
    Random random = new Random(20261201L);
    int words = 0;
    int kept = 0;
    for (int i = 0; i < SAMPLES; i++) {
      String sentence = WITHOUT_NAMES.get(random.nextInt(WITHOUT_NAMES.size()))
          .replace("{P2}", pick(PRODUCTS, random))
          .replace("{P}", pick(PRODUCTS, random))
          .replace("{T}", pick(TEAMS, random))
          .replace("{X}", pick(CODENAMES, random))
          .replace("{C}", pick(CITIES, random))
          .replace("{D}", pick(DAYS, random))
          .replace("{M}", pick(MONTHS, random));
      String scrubbed = SCRUBBER.scrub(sentence, List.of());
      List<String> before = List.of(sentence.split("[^\\p{L}\\p{N}]+"));
      List<String> after = new ArrayList<>(List.of(scrubbed.split("[^\\p{L}\\p{N}]+")));
      for (String word : before) {
        if (word.isEmpty()) {
          continue;
        }
        words++;
        if (after.remove(word)) {
          kept++;
        }
      }
    }
    double rate = (double) kept / words;
    assertThat(rate).as("share of ordinary words kept over %d words", words).isGreaterThanOrEqualTo(0.97);
  }

  /** Whether any part of the name (of two or more letters) is still in the text. */
  private static boolean containsAnyPart(String text, String name) {
    for (String part : name.split("[\\s]+")) {
      if (part.length() >= 2 && java.util.regex.Pattern.compile(
              "(?<![\\p{L}\\p{N}])" + java.util.regex.Pattern.quote(part) + "(?![\\p{L}\\p{N}])")
          .matcher(text).find()) {
        return true;
      }
    }
    return false;
  }

  private static String pick(List<String> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  private static List<String> unseenNames() throws IOException {
    try (InputStream in = PersonNamesPropertyTest.class.getResourceAsStream("/scrub-eval/unseen-names.txt")) {
      List<String> names = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          names.add(line.strip());
        }
      }
      return names;
    }
  }
}
