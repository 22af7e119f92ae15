package dev.gatekeeper.model;

import dev.gatekeeper.schema.CloudEnvironment;
import dev.gatekeeper.schema.Compliance;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.ContributionSetting;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Plan;
import dev.gatekeeper.schema.Product;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small model of POLICY.md written from the text alone, sharing no code with the production
 * policy: it keeps every settings version forever, recomputes everything on each question, and
 * answers only "contributed or not". It predicts the live set the invariant talks about.
 */
public final class PolicyModel {
  private static final long DAY = 86_400_000L;
  private static final long EFFECTIVE = java.time.Instant.parse("2026-08-17T00:00:00Z").toEpochMilli();
  private static final long WINDOW = 30 * DAY;
  private static final long RETENTION = 35 * DAY;
  private static final Set<String> CORE = Set.of("jira", "confluence", "jira-service-management");
  private static final Set<String> PLATFORM =
      Set.of("rovo", "home", "teams", "projects", "assets", "goals", "analytics", "administration");

  private final Map<String, List<OrgSettings>> versions = new HashMap<>();
  private final Map<String, Long> clearedAt = new HashMap<>();
  private final Map<String, DataEvent> live = new TreeMap<>(); // key orgId/eventId
  private long newestSeen = Long.MIN_VALUE;

  /** A settings record (null = tombstone) with its record timestamp. */
  public void settings(String orgId, OrgSettings s, long timestamp) {
    newestSeen = Math.max(newestSeen, timestamp);
    List<OrgSettings> history = versions.computeIfAbsent(orgId, o -> new ArrayList<>());
    if (s == null) {
      history.clear();
      clearedAt.merge(orgId, timestamp, Math::max);
    } else {
      long t = s.getUpdatedAt().toEpochMilli();
      long floor = history.isEmpty() ? clearedAt.getOrDefault(orgId, Long.MIN_VALUE) : time(history.get(history.size() - 1));
      if (t < floor) {
        return; // stale
      }
      history.add(s);
    }
    OrgSettings latest = history.isEmpty() ? null : history.get(history.size() - 1);
    live.entrySet().removeIf(e -> e.getKey().startsWith(orgId + "/") && (latest == null || !passes1to7(latest, e.getValue())));
  }

  /**
   * An event with its record timestamp (its occurredAt) and what the gatekeeper decided. Within
   * the history retention the model decides alone; an older event may be dropped as TOO_LATE
   * (its history may be gone), but if it is contributed, full knowledge must allow it.
   *
   * @throws AssertionError when the gatekeeper contributed what the policy forbids, or called an
   *     event TOO_LATE that is within the retention
   */
  public void event(DataEvent e, long timestamp, boolean gatekeeperContributed, boolean gatekeeperTooLate) {
    newestSeen = Math.max(newestSeen, timestamp);
    boolean old = timestamp < newestSeen - RETENTION;
    if (gatekeeperTooLate && !old) {
      throw new AssertionError("TOO_LATE within the retention: " + e.getEventId());
    }
    boolean allowed = contributes(e);
    if (old && gatekeeperContributed && !allowed) {
      throw new AssertionError("contributed an old event the policy forbids: " + e.getEventId());
    }
    if (old ? gatekeeperContributed : allowed) {
      live.put(e.getOrgId() + "/" + e.getEventId(), e);
    }
  }

  /** Event ids ("orgId/eventId") that should be live. */
  public Set<String> live() {
    return live.keySet();
  }

  private boolean contributes(DataEvent e) {
    long ts = e.getOccurredAt().toEpochMilli();
    List<OrgSettings> h = versions.getOrDefault(e.getOrgId(), List.of());
    int at = -1;
    for (int i = 0; i < h.size(); i++) {
      if (time(h.get(i)) <= ts) {
        at = i; // the last one wins on equal times
      }
    }
    if (at < 0) {
      return false;
    }
    for (int i = at; i < h.size(); i++) {
      if (!passes1to7(h.get(i), e)) {
        return false;
      }
    }
    int opener = -1;
    for (int j = 1; j <= at; j++) {
      Plan before = highest(h.get(j - 1));
      Plan after = highest(h.get(j));
      if (before != null && after != null && before != after) {
        opener = j;
      }
    }
    return opener < 0 || ts >= time(h.get(opener)) + WINDOW || settingAllows(h.get(opener - 1), e);
  }

  /** Rules 1–7 of one version, as the model reads them. */
  public static boolean passes1to7(OrgSettings v, DataEvent e) {
    if (e.getHosting() != Hosting.CLOUD || v.getCloudEnvironment() != CloudEnvironment.COMMERCIAL) {
      return false;
    }
    Compliance c = v.getCompliance();
    if (c.getHipaa() || c.getRegulatedFinancialServices() || !c.getExcludedOfferings().isEmpty()
        || (c.getGovernmentEntity() && !c.getEducationalInstitution())) {
      return false;
    }
    if (e.getOccurredAt().toEpochMilli() < EFFECTIVE) {
      return false;
    }
    ConnectorKind k = e.getConnectorKind();
    boolean synced = k == ConnectorKind.SYNCED || k == ConnectorKind.SYNCED_LITE;
    boolean inScope = k == null || synced;
    if (e.getApp().equals("connector")) {
      inScope = synced;
    } else if (!CORE.contains(e.getApp()) && !PLATFORM.contains(e.getApp())) {
      inScope = false;
    }
    if (!inScope) {
      return false;
    }
    boolean product = false;
    for (Product p : v.getProducts()) {
      if (p.getSiteId().equals(e.getSiteId()) && (!CORE.contains(e.getApp()) || p.getApp().equals(e.getApp()))) {
        product = true;
      }
    }
    return product && settingAllows(v, e);
  }

  private static boolean settingAllows(OrgSettings v, DataEvent e) {
    Plan h = highest(v);
    if (h == null) {
      return false;
    }
    if (e.getDataType() == DataType.METADATA) {
      return h != Plan.ENTERPRISE || v.getMetadataContribution() != ContributionSetting.OFF;
    }
    boolean orgOn = v.getInAppContribution() == null
        ? (h == Plan.FREE || h == Plan.STANDARD)
        : v.getInAppContribution() == ContributionSetting.ON;
    List<String> scopes = new ArrayList<>();
    if (CORE.contains(e.getApp())) {
      scopes.add("app:" + e.getApp());
    }
    if (e.getContainerId() != null) {
      scopes.add("container:" + e.getContainerId());
    }
    if (e.getConnectorId() != null) {
      scopes.add("connector:" + e.getConnectorId());
    }
    List<String> list = orgOn ? v.getInAppExcluded() : v.getInAppIncluded();
    boolean listed = scopes.stream().anyMatch(list::contains);
    return orgOn != listed;
  }

  private static Plan highest(OrgSettings v) {
    Plan best = null;
    for (Product p : v.getProducts()) {
      if (best == null || p.getPlan().ordinal() > best.ordinal()) {
        best = p.getPlan();
      }
    }
    return best;
  }

  private static long time(OrgSettings s) {
    return s.getUpdatedAt().toEpochMilli();
  }
}
