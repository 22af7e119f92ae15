package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An Avro union, written bare: JSON null is the null branch, anything else picks the one
 * non-null branch whose JSON type fits (not Avro's {@code {"string": "x"}} tagging).
 *
 * <p>With a single non-null branch (all of the gatekeeper's schemas) that branch reads the value
 * and reports any mismatch in its own terms. With several, the branch is chosen by JSON type, and
 * a value that more than one branch would take (say {@code 5} for {@code ["int", "double"]}) is
 * rejected as ambiguous rather than resolved by a rule the producer may not know.
 */
final class UnionConverter implements Converter {
  private final Converter[] branches;
  private final boolean nullable;
  private final String expected;

  /**
   * @param branches converters of the non-null branches, in schema order
   * @param nullable whether the union has a null branch
   */
  UnionConverter(List<Converter> branches, boolean nullable) {
    this.branches = branches.toArray(new Converter[0]);
    this.nullable = nullable;
    String choices = branches.stream().map(Converter::expected).collect(Collectors.joining(" or "));
    this.expected = nullable ? choices + " or null" : choices;
  }

  @Override
  public Object read(JsonNode json) {
    if (json.isNull()) {
      if (nullable) {
        return null;
      }
      throw ConversionFailure.mismatch(expected, json);
    }
    if (branches.length == 1) {
      return branches[0].read(json);
    }
    Converter chosen = null;
    for (Converter branch : branches) {
      if (branch.accepts(json)) {
        if (chosen != null) {
          throw ConversionFailure.of("ambiguous union value: " + ConversionFailure.describe(json)
              + " fits both " + chosen.expected() + " and " + branch.expected());
        }
        chosen = branch;
      }
    }
    if (chosen == null) {
      throw ConversionFailure.mismatch(expected, json);
    }
    return chosen.read(json);
  }

  @Override
  public JsonNode write(Object value) {
    if (value == null) {
      if (!nullable) {
        throw new IllegalArgumentException("null in a union without a null branch");
      }
      return JsonNodeFactory.instance.nullNode();
    }
    if (branches.length == 1) {
      return branches[0].write(value);
    }
    for (Converter branch : branches) {
      if (branch.owns(value)) {
        return branch.write(value);
      }
    }
    throw new IllegalArgumentException("no branch of the union holds a " + value.getClass().getName());
  }

  @Override
  public boolean accepts(JsonNode json) {
    if (json.isNull()) {
      return nullable;
    }
    for (Converter branch : branches) {
      if (branch.accepts(json)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean owns(Object value) {
    if (value == null) {
      return nullable;
    }
    for (Converter branch : branches) {
      if (branch.owns(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String expected() {
    return expected;
  }
}
