package dev.gatekeeper.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of in-app scopes ({@code app:<app>}, {@code container:<id>}, {@code connector:<id>}),
 * split by kind once so that matching an event allocates nothing. Unknown kinds never match.
 */
final class Scopes {
  static final Scopes NONE = new Scopes(List.of());

  private final Set<String> apps = new HashSet<>();
  private final Set<String> containers = new HashSet<>();
  private final Set<String> connectors = new HashSet<>();

  Scopes(List<String> scopes) {
    for (String scope : scopes) {
      if (scope == null) {
        continue;
      }
      if (scope.startsWith("app:")) {
        apps.add(scope.substring(4));
      } else if (scope.startsWith("container:")) {
        containers.add(scope.substring(10));
      } else if (scope.startsWith("connector:")) {
        connectors.add(scope.substring(10));
      }
    }
  }

  /** True when any scope of the event is in this list. Platform apps have no app scope. */
  boolean matches(EventFacts e) {
    return (Apps.isCore(e.app()) && apps.contains(e.app()))
        || (e.containerId() != null && containers.contains(e.containerId()))
        || (e.connectorId() != null && connectors.contains(e.connectorId()));
  }
}
