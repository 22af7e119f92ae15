package dev.gatekeeper.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatekeeper.topology.Routing;
import dev.gatekeeper.topology.TopicNames;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

  @Test
  void compactsEveryTopicWhoseLatestValuePerKeyIsTheTruth() {
    assertThat(TopicLayout.of(TopicNames.defaults(), Routing.off()))
        .filteredOn(TopicLayout.Spec::compacted)
        .extracting(TopicLayout.Spec::name)
        .containsExactlyInAnyOrder("org-settings", "contributions", "contribution-aggregates");
  }

  @Test
  void keepsContributionTombstonesAWeekSoWeeklyIncrementalExportsSeeEveryRevocation() {
    var specs = TopicLayout.of(TopicNames.defaults(), new Routing(true, Set.of("eu"), false));
    assertThat(specs)
        .filteredOn(s -> s.name().startsWith("contributions"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.configs()).containsEntry("delete.retention.ms", "604800000"));
  }

  @Test
  void createsAContributionsAndAggregatesTopicPerConfiguredRegion() {
    var specs = TopicLayout.of(TopicNames.defaults(), new Routing(true, Set.of("eu", "us"), false));
    assertThat(specs)
        .filteredOn(TopicLayout.Spec::compacted)
        .extracting(TopicLayout.Spec::name)
        .contains("contributions.eu", "contributions.us", "contribution-aggregates.eu", "contribution-aggregates.us");
  }

  @Test
  void keepsOnlyTheGlobalAggregatesTopicWhenAggregatesStayGlobal() {
    var specs = TopicLayout.of(TopicNames.defaults(), new Routing(true, Set.of("eu"), true));
    assertThat(specs).extracting(TopicLayout.Spec::name)
        .contains("contributions.eu", "contribution-aggregates")
        .doesNotContain("contribution-aggregates.eu");
  }
}
