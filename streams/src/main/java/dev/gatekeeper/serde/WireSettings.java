package dev.gatekeeper.serde;

import dev.gatekeeper.registry.RegistrySettings;
import java.util.Objects;
import java.util.Optional;

/**
 * How the gatekeeper's topics are framed and where their schemas live.
 *
 * @param format what the gatekeeper writes; it reads both formats whenever a registry is
 *     configured, and only single-object without one
 * @param registry the schema registry, required for {@link WireFormat#CONFLUENT}
 * @param autoRegister whether the gatekeeper registers its output schemas itself; when false it
 *     only checks that they are registered (a locked-down registry)
 */
public record WireSettings(WireFormat format, Optional<RegistrySettings> registry, boolean autoRegister) {
  public WireSettings {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(registry, "registry");
    if (format == WireFormat.CONFLUENT && registry.isEmpty()) {
      throw new IllegalArgumentException("the Confluent format needs a schema registry (schema.registry.url)");
    }
  }

  /** Single-object encoding, no registry: what the gatekeeper did before registries. */
  public static WireSettings singleObject() {
    return new WireSettings(WireFormat.SINGLE_OBJECT, Optional.empty(), true);
  }

  /** The Confluent format on the registry at {@code registry}, registering output schemas. */
  public static WireSettings confluent(RegistrySettings registry) {
    return new WireSettings(WireFormat.CONFLUENT, Optional.of(registry), true);
  }
}
