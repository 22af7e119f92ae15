package dev.gatekeeper.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * An Avro enum, as its symbol string.
 *
 * <p>Symbols map to constants by ordinal, not by Java name: the compiler mangles symbols that are
 * Java keywords, but always declares the constants in schema order. An unknown symbol is an error
 * even if the schema has an enum default, because that default exists for readers of an older
 * schema, whereas a replay scenario that uses a wrong symbol is simply wrong.
 */
final class EnumConverter implements Converter {
  private final Schema schema;
  private final Map<String, Object> bySymbol;
  private final TextNode[] symbolNodes;

  /**
   * @param schema the enum schema
   * @param constants the constants of its generated class, in schema symbol order
   */
  EnumConverter(Schema schema, Object[] constants) {
    this.schema = schema;
    List<String> symbols = schema.getEnumSymbols();
    this.bySymbol = new HashMap<>(symbols.size() * 2);
    this.symbolNodes = new TextNode[symbols.size()];
    for (int i = 0; i < symbols.size(); i++) {
      bySymbol.put(symbols.get(i), constants[i]);
      symbolNodes[i] = JsonNodeFactory.instance.textNode(symbols.get(i));
    }
  }

  @Override
  public Object read(JsonNode json) {
    if (!json.isTextual()) {
      throw ConversionFailure.mismatch("a symbol of enum " + schema.getName(), json);
    }
    Object constant = bySymbol.get(json.textValue());
    if (constant == null) {
      throw ConversionFailure.of("unknown symbol for enum " + schema.getName());
    }
    return constant;
  }

  @Override
  public JsonNode write(Object value) {
    if (value instanceof Enum) {
      return symbolNodes[((Enum<?>) value).ordinal()];
    }
    // A GenericEnumSymbol, e.g. in a record built by generic code: its string is the symbol.
    return JsonNodeFactory.instance.textNode(value.toString());
  }
}
