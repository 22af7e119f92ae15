package dev.gatekeeper.export;

import java.util.Locale;

/**
 * The file format of an export: Avro object container files, JSON Lines of plain JSON, or
 * Parquet (what pandas, polars and DuckDB read without an Avro library).
 */
public enum Format {
  AVRO,
  JSONL,
  PARQUET;

  /** The name used on the command line and in manifests: {@code avro}, {@code jsonl} or {@code parquet}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file of live (full) or added (incremental) contributions. */
  public String recordsFile() {
    return "contributions." + id();
  }

  /** The file of contributions revoked since the earlier export (incremental only). */
  public String deletionsFile() {
    return "deletions." + id();
  }

  /** @throws IllegalArgumentException naming the accepted values */
  public static Format of(String id) {
    for (Format f : values()) {
      if (f.id().equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + id + "'; expected avro, jsonl or parquet");
  }
}
