package dev.gatekeeper.serde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How Avro record values are framed on the gatekeeper's topics. */
public enum WireFormat {
  /** Magic byte 0, the writer schema's 4-byte registry id, the datum: needs a schema registry. */
  CONFLUENT("confluent"),
  /** Avro's single-object encoding: bytes C3 01, the 8-byte schema fingerprint, the datum. */
  SINGLE_OBJECT("single-object");

  private final String setting;

  WireFormat(String setting) {
    this.setting = setting;
  }

  /** The name in settings and flags. */
  public String setting() {
    return setting;
  }

  /**
   * The format named {@code name} in a setting or flag.
   *
   * @throws IllegalArgumentException listing the known names
   */
  public static WireFormat parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.setting.equals(n))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "'" + name + "' is not a wire format; use " + Arrays.stream(values()).map(WireFormat::setting).collect(Collectors.joining(" or "))));
  }

  /** The format of a framed record, told apart by its first bytes; null for neither. */
  static WireFormat of(byte[] bytes) {
    if (bytes.length >= ConfluentAvroSerde.HEADER_LENGTH && bytes[0] == ConfluentAvroSerde.MAGIC) {
      return CONFLUENT;
    }
    if (bytes.length >= 2 && bytes[0] == (byte) 0xC3 && bytes[1] == (byte) 0x01) {
      return SINGLE_OBJECT;
    }
    return null;
  }
}
