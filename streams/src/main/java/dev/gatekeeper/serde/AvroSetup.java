package dev.gatekeeper.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Process-wide Avro settings the serdes rely on, applied once before any record is decoded:
 * trust for the generated record classes (Avro 1.12 refuses to instantiate classes outside
 * trusted packages), and bounds on lengths so that a hostile length prefix cannot make a decoder
 * allocate gigabytes.
 */
final class AvroSetup {
  static final String SCHEMA_PACKAGE = "dev.gatekeeper.schema.";
  private static final long MAX_LENGTH = 32L * 1024 * 1024;
  private static final long MAX_ITEMS = 1_000_000L;
  private static volatile boolean done;

  private AvroSetup() {}

  static void ensure() {
    if (done) {
      return;
    }
    synchronized (AvroSetup.class) {
      if (done) {
        return;
      }
      // Read by Avro when its limit class loads; an operator's explicit setting wins.
      setIfAbsent("org.apache.avro.limits.string.maxLength", MAX_LENGTH);
      setIfAbsent("org.apache.avro.limits.bytes.maxLength", MAX_LENGTH);
      setIfAbsent("org.apache.avro.limits.collectionItems.maxLength", MAX_ITEMS);
      ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
      ClassSecurityValidator.setGlobal(
          ClassSecurityValidator.composite(
              previous, type -> type.getName().startsWith(SCHEMA_PACKAGE)));
      done = true;
    }
  }

  private static void setIfAbsent(String key, long value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, Long.toString(value));
    }
  }
}
