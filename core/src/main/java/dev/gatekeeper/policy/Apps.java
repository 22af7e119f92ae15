package dev.gatekeeper.policy;

import dev.gatekeeper.schema.ConnectorKind;
import java.util.Set;

/** The apps POLICY.md puts in scope, and the scopes an event belongs to. */
final class Apps {

  /** Apps whose events carry an {@code app:<app>} scope and need their own product. */
  static final Set<String> CORE = Set.of("jira", "confluence", "jira-service-management");

  /** Platform apps: in scope, settings only at org level, any product on the site suffices. */
  static final Set<String> PLATFORM =
      Set.of("rovo", "home", "teams", "projects", "assets", "goals", "analytics", "administration");

  static final String CONNECTOR = "connector";

  private Apps() {}

  /** Rule 5: is the event's app, and the connector it came through, in scope? */
  static boolean inScope(String app, ConnectorKind connectorKind) {
    boolean syncedConnector =
        connectorKind == ConnectorKind.SYNCED || connectorKind == ConnectorKind.SYNCED_LITE;
    if (connectorKind != null && !syncedConnector) {
      return false; // a Data Center connector feeding an in-scope app is still out
    }
    if (CONNECTOR.equals(app)) {
      return syncedConnector;
    }
    return CORE.contains(app) || PLATFORM.contains(app);
  }

  static boolean isCore(String app) {
    return CORE.contains(app);
  }
}
