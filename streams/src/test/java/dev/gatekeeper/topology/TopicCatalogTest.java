package dev.gatekeeper.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatekeeper.schema.Contribution;
import dev.gatekeeper.schema.ContributionAggregate;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.OrgSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TopicCatalogTest {
  private static final Routing EU_US = new Routing(true, Set.of("us", "eu"), false);

  private static TopicCatalog catalog(Routing routing) {
    return TopicCatalog.of(TopicNames.defaults(), routing);
  }

  @Test
  void listsEveryTopicOfTheContractOnceInTheOrderTopicsCreateReportsThem() {
    assertThat(catalog(Routing.off()).all()).extracting(Topic::name).containsExactly(
        "data-events", "org-settings", "contributions", "contribution-decisions", "data-events-dlq",
        "revocation-receipts", "contribution-aggregates");
  }

  @Test
  void anUnknownNameFailsNamingItAndTheKnownTopics() {
    assertThatThrownBy(() -> catalog(Routing.off()).topic("contribution"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'contribution'")
        .hasMessageContaining("contributions, contribution-decisions")
        .hasMessageContaining("configure its name (topics.*)");
  }

  @Test
  void regionalTopicsArePresentOnlyWithRegionalRouting() {
    assertThat(catalog(Routing.off()).all()).extracting(Topic::name)
        .noneMatch(n -> n.startsWith("contributions.") || n.startsWith("contribution-aggregates."));
    assertThatThrownBy(() -> catalog(Routing.off()).topic("contributions.eu"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("routing.regional=true");

    TopicCatalog regional = catalog(EU_US);
    assertThat(regional.allContributions()).extracting(Topic::name)
        .containsExactly("contributions", "contributions.eu", "contributions.us");
    assertThat(regional.allAggregates()).extracting(Topic::name)
        .containsExactly("contribution-aggregates", "contribution-aggregates.eu", "contribution-aggregates.us");
    assertThat(regional.topic("contributions.eu").region()).isEqualTo("eu");
    assertThat(regional.topic("contributions.eu").regional()).isTrue();
    assertThat(regional.contributions().regional()).isFalse();
  }

  @Test
  void keepsOnlyTheGlobalAggregatesTopicWhenAggregatesStayGlobal() {
    TopicCatalog catalog = catalog(new Routing(true, Set.of("eu"), true));
    assertThat(catalog.all()).extracting(Topic::name)
        .contains("contributions.eu", "contribution-aggregates")
        .doesNotContain("contribution-aggregates.eu");
  }

  @Test
  void contributionsGoToTheOrgsRegionOnlyWhenThatRegionIsConfigured() {
    TopicCatalog catalog = catalog(EU_US);
    assertThat(catalog.contributionsFor("eu")).map(Topic::name).contains("contributions.eu");
    assertThat(catalog.contributionsFor(null)).map(Topic::name).contains("contributions");
    assertThat(catalog.contributionsFor("apac")).isEmpty();
    assertThat(catalog(Routing.off()).contributionsFor("apac")).map(Topic::name).contains("contributions");
  }

  @Test
  void aRegionThatLeftTheConfigurationStillNamesWhereItsContributionsWereWritten() {
    TopicCatalog catalog = catalog(EU_US);
    assertThat(catalog.contributionsOfRegion("apac").name()).isEqualTo("contributions.apac");
    assertThat(catalog.aggregatesFor("apac").name()).isEqualTo("contribution-aggregates.apac");
    assertThat(catalog.aggregatesFor(null)).isSameAs(catalog.aggregates());
    assertThat(catalog.all()).extracting(Topic::name).doesNotContain("contributions.apac");
  }

  @Test
  void compactsEveryTopicWhoseLatestValuePerKeyIsTheTruth() {
    assertThat(catalog(Routing.off()).all())
        .filteredOn(t -> t.layout().isCompacted())
        .extracting(Topic::name)
        .containsExactlyInAnyOrder("org-settings", "contributions", "contribution-aggregates");
  }

  @Test
  void keepsContributionTombstonesAWeekSoWeeklyIncrementalExportsSeeEveryRevocation() {
    assertThat(catalog(new Routing(true, Set.of("eu"), false)).allContributions())
        .hasSize(2)
        .allSatisfy(t -> assertThat(t.layout().configs())
            .containsEntry("cleanup.policy", "compact")
            .containsEntry("delete.retention.ms", "604800000"));
  }

  @Test
  void retainsLogsForTheirTime() {
    TopicCatalog catalog = catalog(Routing.off());
    assertThat(catalog.dataEvents().get(0).layout().configs())
        .isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));
    assertThat(catalog.decisions().layout().configs()).containsEntry("retention.ms", "7776000000");
    assertThat(catalog.deadLetters().layout().configs()).containsEntry("retention.ms", "1209600000");
  }

  @Test
  void rolesSayWhoWritesEachTopic() {
    TopicCatalog catalog = catalog(Routing.off());
    assertThat(catalog.inputs()).extracting(Topic::name).containsExactly("data-events", "org-settings");
    assertThat(catalog.inputs()).allMatch(t -> t.role() == Topic.Role.INPUT);
    assertThat(catalog.deadLetters().role()).isEqualTo(Topic.Role.DEAD_LETTERS);
    assertThat(catalog.deadLetters().carriesRecords()).isFalse();
    assertThat(catalog.contributions().role()).isEqualTo(Topic.Role.OUTPUT);
    assertThat(catalog.contributions().carriesRecords()).isTrue();
  }

  @Test
  void aTopicsSerdesRoundTripItsValues() {
    TopicCatalog catalog = catalog(EU_US);
    ContributionAggregate bucket = ContributionAggregate.newBuilder()
        .setApp("jira").setAttribute("issueType").setValue("Bug")
        .setWindowStart(Instant.parse("2026-09-02T00:00:00Z")).setWindowEnd(Instant.parse("2026-09-03T00:00:00Z"))
        .setDistinctOrgs(10L).setRecords(12L).setPolicyVersion("policy-2026-08-17").build();
    Topic<String, ContributionAggregate> topic = catalog.aggregatesFor("eu");
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), bucket);
    assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), bytes)).isEqualTo(bucket);
    assertThat(topic.keySerde().deserializer().deserialize(topic.name(),
        topic.keySerde().serializer().serialize(topic.name(), "jira|issueType|Bug"))).isEqualTo("jira|issueType|Bug");
    assertThat(catalog.orgSettings().valueClass()).isEqualTo(OrgSettings.class);
    Topic<String, Contribution> eu = catalog.contributionsFor("eu").orElseThrow();
    assertThat(eu.valueSerde().serializer().serialize(eu.name(), null)).as("a tombstone stays null").isNull();
    assertThat(catalog.topic("contribution-aggregates.us").valueClass()).isEqualTo(ContributionAggregate.class);
  }

  @Test
  void namesMatchingTheDataEventsPatternAreDataEventTopics() {
    TopicNames byPattern = new TopicNames(List.of(), Pattern.compile("events-.*"), "org-settings", "contributions",
        "contribution-decisions", "data-events-dlq", "revocation-receipts", "contribution-aggregates");
    TopicCatalog catalog = TopicCatalog.of(byPattern, Routing.off());
    assertThat(catalog.dataEvents()).isEmpty();
    assertThat(catalog.topic("events-jira").valueClass()).isEqualTo(DataEvent.class);
    assertThat(catalog.all()).extracting(Topic::name).doesNotContain("events-jira");
    assertThatThrownBy(() -> catalog.topic("jira-events")).hasMessageContaining("data events matching /events-.*/");
  }

  @Test
  void refusesOneNameForTwoRoles() {
    TopicNames clash = new TopicNames(List.of("data-events"), null, "org-settings", "contributions",
        "contributions", "data-events-dlq", "revocation-receipts", "contribution-aggregates");
    assertThatThrownBy(() -> TopicCatalog.of(clash, Routing.off()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'contributions' is configured for two roles");
  }
}
