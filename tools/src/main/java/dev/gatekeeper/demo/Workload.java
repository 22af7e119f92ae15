package dev.gatekeeper.demo;

import dev.gatekeeper.schema.Actor;
import dev.gatekeeper.schema.ConnectorKind;
import dev.gatekeeper.schema.DataEvent;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * A deterministic synthetic workload (same seed, same records): many orgs across plans and trials,
 * excluded orgs, out-of-scope apps and hostings, PII-laden text, late events, and now and then an
 * admin action (opt-out, trial end, app or site deletion, exclusion, org deletion). Record times
 * follow a clock given by the caller; about one event in fifty is up to two days late.
 */
public final class Workload {

  /** One record to send: a settings record (value may be null: org deleted) or an event. */
  public record Item(boolean settings, String orgId, Object value, long timestamp, String action) {
    public DataEvent event() {
      return (DataEvent) value;
    }

    public OrgSettings orgSettings() {
      return (OrgSettings) value;
    }
  }

  private static final String[] APPS = {
    "jira", "jira", "jira", "confluence", "confluence", "jira-service-management", "rovo", "home",
    "goals", "loom", "bitbucket", "trello", "marketplace:acme-timesheets", "connector"
  };
  private static final String[] NAMES = {"Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Linus Pauling"};
  private static final String[] TEXTS = {
    "Deploy the release candidate to staging and update the runbook.",
    "%s asked for a review of the incident timeline before Friday.",
    "Reach me at %e or +44 20 7946 0958 about the migration.",
    "Card 4111 1111 1111 1111 was charged twice; refund requested.",
    "Rotate the key AKIAIOSFODNN7EXAMPLE used by the nightly job.",
    "See https://%o.atlassian.net/wiki/spaces/ENG/pages/123 for the design notes.",
    "Planning notes: roadmap, hiring plan and the Q3 budget.",
    "Customer at 192.168.10.24 reported timeouts; @%h is on it.",
  };

  private final Random random;
  private final List<SyntheticOrg> orgs = new ArrayList<>();
  private final Map<String, Integer> eventCounters = new HashMap<>();
  private final double settingsChangeRate;
  private final LongSupplier wallClock;
  private long clock = Long.MIN_VALUE;
  private int nextOrgToProvision = 0;

  /**
   * @param settingsChangeRate probability that a record is an admin action rather than an event
   * @param wallClock record times follow it (never going backwards), because brokers delete
   *     records older than a topic's retention and reject ones far in the future
   */
  public Workload(long seed, int orgCount, double settingsChangeRate, LongSupplier wallClock) {
    this.random = new Random(seed);
    this.wallClock = wallClock;
    this.settingsChangeRate = settingsChangeRate;
    for (int i = 0; i < orgCount; i++) {
      orgs.add(new SyntheticOrg(String.format("org-%05d", i), random));
    }
  }

  /** The next record: first every org's settings, then events with admin actions mixed in. */
  public Item next() {
    clock = Math.max(clock + 1, wallClock.getAsLong());
    if (nextOrgToProvision < orgs.size()) {
      SyntheticOrg org = orgs.get(nextOrgToProvision++);
      return new Item(true, org.orgId, org.settings(Instant.ofEpochMilli(clock)), clock, "provisioned");
    }
    if (random.nextDouble() < settingsChangeRate) {
      return adminAction();
    }
    return event();
  }

  private Item adminAction() {
    SyntheticOrg org = orgs.get(random.nextInt(orgs.size()));
    if (org.deleted) {
      org.deleted = false;
      return new Item(true, org.orgId, org.settings(Instant.ofEpochMilli(clock)), clock, "re-provisioned");
    }
    if (random.nextInt(50) == 0) {
      org.deleted = true;
      return new Item(true, org.orgId, null, clock, "org deleted");
    }
    String action = org.change(random);
    return new Item(true, org.orgId, org.settings(Instant.ofEpochMilli(clock)), clock, action);
  }

  private Item event() {
    SyntheticOrg org = orgs.get(random.nextInt(orgs.size()));
    int n = eventCounters.merge(org.orgId, 1, Integer::sum);
    String app = APPS[random.nextInt(APPS.length)];
    String site = random.nextInt(30) == 0 ? org.orgId + "-unknown-site" : org.sites.get(random.nextInt(org.sites.size()));
    String name = NAMES[random.nextInt(NAMES.length)];
    String accountId = "557058:" + Integer.toHexString(name.hashCode() & 0xfffff) + "-" + org.orgId.hashCode();
    long occurredAt = random.nextInt(50) == 0 ? clock - random.nextInt(2 * 86_400_000) : clock;
    DataEvent.Builder b = DataEvent.newBuilder()
        .setEventId(org.orgId + "-ev-" + n)
        .setOrgId(org.orgId)
        .setSiteId(site)
        .setApp(app)
        .setHosting(random.nextInt(25) == 0 ? Hosting.DATA_CENTER : Hosting.CLOUD)
        .setDataType(random.nextBoolean() ? DataType.IN_APP : DataType.METADATA)
        .setContainerId(random.nextInt(3) == 0 ? null : SyntheticOrg.container(random))
        .setOccurredAt(Instant.ofEpochMilli(occurredAt))
        .setActor(new Actor(accountId, name, name.toLowerCase().replace(' ', '.') + "@example.com"))
        .setAttributes(Map.of("issueType", "Bug", "status", "In Progress", "assigneeEmail", "hidden@example.com"))
        .setText(text(name, org.orgId));
    if (app.equals("connector") || random.nextInt(20) == 0) {
      b.setConnectorId("conn-" + random.nextInt(3))
          .setConnectorKind(ConnectorKind.values()[random.nextInt(ConnectorKind.values().length)]);
    }
    return new Item(false, org.orgId, b.build(), occurredAt, null);
  }

  private String text(String name, String orgId) {
    String t = TEXTS[random.nextInt(TEXTS.length)];
    return t.replace("%s", name)
        .replace("%e", name.toLowerCase().replace(' ', '.') + "@example.com")
        .replace("%o", orgId)
        .replace("%h", name.split(" ")[0].toLowerCase());
  }
}
