/**
 * A schema registry client on the JDK's HTTP client, speaking the Confluent API (Confluent
 * Schema Registry, Apicurio's {@code /apis/ccompat/v7}, Karapace): {@link
 * dev.gatekeeper.registry.RegistryClient} registers and looks up Avro schemas with caching and
 * typed errors, {@link dev.gatekeeper.registry.RegistrySettings} holds the URL, credentials,
 * trust store, time-outs and retry budget, and {@code RegistryHttp} does retries with backoff.
 */
package dev.gatekeeper.registry;
