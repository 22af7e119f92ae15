package dev.gatekeeper.api;

import dev.gatekeeper.schema.DataType;
import java.util.Comparator;

/** An app and a data type: the grain at which the API says what an org contributes. */
public record AppDataType(String app, DataType dataType) implements Comparable<AppDataType> {
  private static final Comparator<AppDataType> ORDER =
      Comparator.comparing(AppDataType::app).thenComparing(AppDataType::dataType);

  @Override
  public int compareTo(AppDataType o) {
    return ORDER.compare(this, o);
  }
}
