package dev.gatekeeper.api;

import dev.gatekeeper.schema.DataType;
import java.util.SortedMap;
import java.util.TreeMap;

/** An org's live contributions counted by data type and app ({@code GET /orgs/{id}/contributions}). */
record ContributionCounts(String orgId, long total, SortedMap<DataType, SortedMap<String, Long>> byDataType) {

  static ContributionCounts of(String orgId, OrgSnapshot org) {
    SortedMap<DataType, SortedMap<String, Long>> counts = new TreeMap<>();
    long[] total = {0};
    org.forEachLive(e -> {
      total[0]++;
      counts.computeIfAbsent(e.facts().dataType(), t -> new TreeMap<>()).merge(e.facts().app(), 1L, Long::sum);
    });
    return new ContributionCounts(orgId, total[0], counts);
  }
}
