/**
 * A real single-node Kafka broker for development, demos and integration tests, without Docker:
 * {@link dev.gatekeeper.broker.EmbeddedBroker} runs {@code kafka.Kafka} (KRaft, broker and
 * controller in one process) in a child JVM built from this JVM's class path, and {@link
 * dev.gatekeeper.cli.BrokerCommand} is {@code gatekeeper broker}, the same in the foreground.
 *
 * <p>One job per class: {@link dev.gatekeeper.broker.BrokerProperties} (configuration), {@link
 * dev.gatekeeper.broker.DataDir} (directory layout), {@link dev.gatekeeper.broker.FreePorts},
 * {@link dev.gatekeeper.broker.ChildClasspath} and {@code ChildJvm} (starting the child), {@link
 * dev.gatekeeper.broker.ParentWatchdog} (the child ends with its parent), {@code Readiness},
 * {@code BrokerProcess} (stopping) and {@code BrokerLog}.
 */
package dev.gatekeeper.broker;
