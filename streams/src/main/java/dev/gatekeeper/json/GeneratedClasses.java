package dev.gatekeeper.json;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Finds and instantiates the generated classes of the named types inside one record class.
 *
 * <p>Why not {@code SpecificData.newRecord}/{@code createEnum}: since 1.12 Avro loads classes by
 * name only if {@code org.apache.avro.util.ClassSecurityValidator} trusts them, which by default
 * means a package allow list in the {@code org.apache.avro.SERIALIZABLE_PACKAGES} system
 * property; without it every nested record or enum fails with "Forbidden class". That check
 * guards against class names taken from untrusted schemas. Here no name ever comes from input:
 * each one is in the schema compiled into the class the caller passed, it is loaded through
 * that class's own loader without initialization, and it is used only if it is a concrete
 * {@link SpecificRecord} (or an enum with exactly the schema's symbols). Passing the root class is
 * the caller's statement of trust, so this needs no process-wide setting.
 */
final class GeneratedClasses {
  private final Class<? extends SpecificRecord> root;
  private final ClassLoader loader;

  /** @param root the record class the caller asked to convert */
  GeneratedClasses(Class<? extends SpecificRecord> root) {
    this.root = root;
    this.loader = root.getClassLoader();
  }

  /** The schema of the root class, read from a fresh instance. */
  Schema rootSchema() {
    return ((SpecificRecord) recordFactory(root).get()).getSchema();
  }

  /**
   * @param schema a record schema inside the root's schema (or the root's own)
   * @return makes new, empty instances of its generated class
   * @throws IllegalArgumentException if there is no such usable class
   */
  Supplier<IndexedRecord> recordFactory(Schema schema) {
    Class<?> type = load(schema);
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(type.getName() + " is not a generated Avro record");
    }
    return recordFactory(type.asSubclass(SpecificRecord.class));
  }

  /**
   * @param schema an enum schema inside the root's schema
   * @return its generated enum class; its constants are in the schema's symbol order
   * @throws IllegalArgumentException if there is no such usable class
   */
  Class<?> enumClass(Schema schema) {
    Class<?> type = load(schema);
    Object[] constants = type.getEnumConstants();
    if (constants == null || constants.length != schema.getEnumSymbols().size()) {
      throw new IllegalArgumentException(
          type.getName() + " is not the generated enum of " + schema.getFullName());
    }
    return type;
  }

  private Class<?> load(Schema schema) {
    String name = SpecificData.getClassName(schema);
    if (name.equals(root.getName())) {
      return root;
    }
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no generated class " + name + " next to " + root.getName(), e);
    }
  }

  private static Supplier<IndexedRecord> recordFactory(Class<? extends SpecificRecord> type) {
    if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not a concrete Avro record class");
    }
    Constructor<? extends SpecificRecord> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no public no-arg constructor", e);
    }
    return () -> {
      try {
        return (IndexedRecord) constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + type.getName(), e);
      }
    };
  }
}
