package dev.gatekeeper.api;

import dev.gatekeeper.policy.EventFacts;
import dev.gatekeeper.policy.OrgHistory;
import dev.gatekeeper.policy.OrgVersion;
import dev.gatekeeper.policy.Reason;
import dev.gatekeeper.schema.DataType;
import dev.gatekeeper.schema.Hosting;
import dev.gatekeeper.schema.OrgSettings;
import dev.gatekeeper.schema.Product;
import dev.gatekeeper.topology.RevocationRules;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an org contributes per app and data type, found by deciding probe events with the
 * gatekeeper's own rules ({@link RevocationRules#eventReason}): for each app of the org's products,
 * on each of its sites, a cloud event of each data type at a given time, with no container and
 * no connector (so in-app exceptions for containers and connectors are not reflected). An app is
 * contributed when it is on at least one of its sites; otherwise its reason is the first site's.
 */
final class Probes {
  private Probes() {}

  /** Every app of the given settings' products, with its sites. */
  static SortedMap<String, SortedSet<String>> sitesByApp(OrgSettings... settings) {
    SortedMap<String, SortedSet<String>> sites = new TreeMap<>();
    for (OrgSettings s : settings) {
      if (s != null) {
        for (Product p : s.getProducts()) {
          sites.computeIfAbsent(p.getApp(), a -> new TreeSet<>()).add(p.getSiteId());
        }
      }
    }
    return sites;
  }

  /** The products' settings of the history's latest version, or null. */
  static OrgSettings latestSettings(OrgHistory history) {
    OrgVersion latest = history.latest();
    return latest == null ? null : latest.settings();
  }

  /** The reason an event of each app and data type at {@code time} gets under {@code history}. */
  static SortedMap<AppDataType, Reason> decide(
      RevocationRules rules, OrgHistory history, Map<String, SortedSet<String>> sitesByApp, long time) {
    SortedMap<AppDataType, Reason> out = new TreeMap<>();
    sitesByApp.forEach((app, sites) -> {
      for (DataType type : DataType.values()) {
        Reason first = null;
        for (String site : sites) {
          Reason r = rules.eventReason(history, new EventFacts(site, app, null, null, Hosting.CLOUD, type, null, time));
          if (r == Reason.CONTRIBUTED) {
            first = r;
            break;
          }
          if (first == null) {
            first = r;
          }
        }
        out.put(new AppDataType(app, type), first);
      }
    });
    return out;
  }
}
