/**
 * The admin API on a running gatekeeper (README "Admins and operators", {@code openapi.yaml}):
 * an org's effective policy, its live contributions, and the impact a candidate settings record
 * would have, answered from the instance that owns the org (Kafka Streams interactive queries)
 * and forwarded there by any other. The impact preview applies the topology's own {@link
 * dev.gatekeeper.topology.RevocationRules} to the live stores. Responses carry no payload value:
 * no text, name, or identifier other than the org id asked for.
 */
package dev.gatekeeper.api;
