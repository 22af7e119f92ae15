/**
 * A real schema registry for development, demos and integration tests, without Docker: {@link
 * dev.gatekeeper.registry.RegistryProcess} runs Apicurio Registry (Confluent API at {@code
 * /apis/ccompat/v7}) in a child JVM from the distribution the build unpacks ({@link
 * dev.gatekeeper.registry.RegistryHome}), with a file-backed H2 database in a {@link
 * dev.gatekeeper.registry.RegistryDataDir} and a {@link dev.gatekeeper.registry.RegistryWatchdog}
 * so it ends with its parent; {@link dev.gatekeeper.cli.RegistryCommand} is {@code gatekeeper
 * registry}.
 */
package dev.gatekeeper.registry;
