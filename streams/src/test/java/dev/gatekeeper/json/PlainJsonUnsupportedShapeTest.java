package dev.gatekeeper.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A schema shape that no contract schema uses is refused when the class's converter is built,
 * before any value is read, with the field path and the shape.
 */
class PlainJsonUnsupportedShapeTest {

  static Stream<Arguments> unsupportedShapes() {
    return Stream.of(
        refused(FloatField.class, "Shapes.ratio: plain JSON does not support float"),
        refused(BytesInArray.class, "Shapes.blobs[]: plain JSON does not support bytes"),
        refused(IntInMap.class, "Shapes.counts{}: plain JSON does not support int"),
        refused(MultiBranchUnion.class,
            "Shapes.choice: plain JSON does not support union [null, string, long],"
                + " only [null, X]"),
        refused(NullLastUnion.class,
            "Shapes.choice: plain JSON does not support union [string, null], only [null, X]"),
        refused(RecursiveRecord.class,
            "Shapes.next: plain JSON does not support recursive record Shapes"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupportedShapes")
  void isRefusedWhenTheConverterIsBuilt(Class<? extends SpecificRecord> type, String message) {
    assertThatThrownBy(() -> PlainJson.fromJson(Fixtures.json("{}"), type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  private static Arguments refused(Class<? extends SpecificRecord> type, String message) {
    return Arguments.of(Named.of(type.getSimpleName(), type), message);
  }

  /**
   * Stands in for a generated class: the compiler reads the schema of a fresh instance and
   * refuses it before it looks for any class named in it.
   */
  abstract static class Shapes extends SpecificRecordBase {
    private final Schema schema;

    Shapes(String fields) {
      schema = new Schema.Parser().parse(
          "{\"type\": \"record\", \"name\": \"Shapes\", \"fields\": [" + fields + "]}");
    }

    @Override
    public Schema getSchema() {
      return schema;
    }

    @Override
    public Object get(int field) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void put(int field, Object value) {
      throw new UnsupportedOperationException();
    }
  }

  public static final class FloatField extends Shapes {
    public FloatField() {
      super("""
          {"name": "ratio", "type": "float"}""");
    }
  }

  public static final class BytesInArray extends Shapes {
    public BytesInArray() {
      super("""
          {"name": "blobs", "type": {"type": "array", "items": "bytes"}}""");
    }
  }

  public static final class IntInMap extends Shapes {
    public IntInMap() {
      super("""
          {"name": "counts", "type": {"type": "map", "values": "int"}}""");
    }
  }

  public static final class MultiBranchUnion extends Shapes {
    public MultiBranchUnion() {
      super("""
          {"name": "choice", "type": ["null", "string", "long"], "default": null}""");
    }
  }

  public static final class NullLastUnion extends Shapes {
    public NullLastUnion() {
      super("""
          {"name": "choice", "type": ["string", "null"]}""");
    }
  }

  public static final class RecursiveRecord extends Shapes {
    public RecursiveRecord() {
      super("""
          {"name": "next", "type": ["null", "Shapes"], "default": null}""");
    }
  }
}
