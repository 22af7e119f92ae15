package dev.gatekeeper.schema.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every released version of each top-level record schema, as shipped in this jar.
 *
 * <p>A version is released once records written with it may exist somewhere (on a topic, in a
 * state store, in a downstream copy), so readers must resolve it for as long as the record
 * exists. The files live in {@code schemas/src/main/history} and are packaged under {@value
 * #RESOURCE_DIR}:
 *
 * <pre>
 * versions.properties          RecordName=N, the latest released version of each record
 * RecordName/v1.avsc … vN.avsc the full schema of each version, named types inlined
 * </pre>
 *
 * <p>A released file is never edited. A new version is written by the schemas module's history
 * check run with {@code -Dschemas.release=true}, which also keeps changes compatible. Thread-safe.
 */
public final class SchemaHistory {
  /** Where the history lives on the class path. */
  public static final String RESOURCE_DIR = "dev/gatekeeper/schema/history/";
  /** The index file, inside {@link #RESOURCE_DIR}. */
  public static final String INDEX = "versions.properties";

  private static final Map<String, List<Schema>> RELEASED = new ConcurrentHashMap<>();
  private static volatile Map<String, Integer> latestVersions;

  private SchemaHistory() {}

  /**
   * @return the released schemas of {@code type}, oldest first; never empty
   * @throws IllegalArgumentException if {@code type} has no released version
   */
  public static List<Schema> released(Class<? extends SpecificRecord> type) {
    Schema current = SpecificData.get().getSchema(type);
    return RELEASED.computeIfAbsent(current.getFullName(), name -> load(current));
  }

  /** @return the newest released schema of {@code type} */
  public static Schema latestReleased(Class<? extends SpecificRecord> type) {
    List<Schema> versions = released(type);
    return versions.get(versions.size() - 1);
  }

  /** @return the simple names of the records with a released version, sorted */
  public static Set<String> releasedRecords() {
    return new TreeSet<>(index().keySet());
  }

  /** @return the file name of a version inside its record's folder: {@code v3.avsc} */
  public static String fileName(int version) {
    return "v" + version + ".avsc";
  }

  private static List<Schema> load(Schema current) {
    Integer latest = index().get(current.getName());
    if (latest == null) {
      throw new IllegalArgumentException(
          current.getName() + " has no released schema in " + RESOURCE_DIR + INDEX);
    }
    List<Schema> versions = new ArrayList<>(latest);
    for (int v = 1; v <= latest; v++) {
      String path = RESOURCE_DIR + current.getName() + "/" + fileName(v);
      Schema schema;
      try (InputStream in = open(path)) {
        // One parser per file: versions of a record redefine the same named types.
        schema = new Schema.Parser().parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + path, e);
      }
      if (!schema.getFullName().equals(current.getFullName())) {
        throw new IllegalStateException(
            path + " defines " + schema.getFullName() + ", not " + current.getFullName());
      }
      versions.add(schema);
    }
    return List.copyOf(versions);
  }

  private static Map<String, Integer> index() {
    Map<String, Integer> loaded = latestVersions;
    if (loaded == null) {
      Properties props = new Properties();
      try (InputStream in = open(RESOURCE_DIR + INDEX)) {
        props.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE_DIR + INDEX, e);
      }
      Map<String, Integer> versions = new ConcurrentHashMap<>();
      for (String name : props.stringPropertyNames()) {
        String value = props.getProperty(name).trim();
        try {
          int latest = Integer.parseInt(value);
          if (latest < 1) {
            throw new NumberFormatException();
          }
          versions.put(name, latest);
        } catch (NumberFormatException e) {
          throw new IllegalStateException(
              INDEX + ": " + name + "=" + value + " is not a version number (1, 2, ...)", e);
        }
      }
      loaded = Map.copyOf(versions);
      latestVersions = loaded;
    }
    return loaded;
  }

  private static InputStream open(String path) throws IOException {
    InputStream in = SchemaHistory.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException(path + " is not on the class path");
    }
    return in;
  }
}
