package dev.gatekeeper.topology;

/**
 * An input record that cannot be decided, as received. Its error travels in the record's
 * headers (see {@link DeadLetters}); the payload is written only when configured.
 */
record DeadLetter(byte[] key, byte[] value) implements Inbound {}
