package dev.gatekeeper.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The layout of a registry's data directory:
 *
 * <pre>
 * DIR/db/registry.mv.db   the file-backed H2 database: every schema, version and setting
 * DIR/registry.log        the child JVM's standard output and error, appended across starts
 * DIR/watchdog/           {@link RegistryWatchdog}'s class file, rewritten on every start
 * </pre>
 *
 * The registry's state is all under {@code db/}, so the directory survives restarts.
 */
public final class RegistryDataDir {
  private final Path root;

  private RegistryDataDir(Path root) {
    this.root = root;
  }

  /**
   * A directory kept after the registry stops; created when missing.
   *
   * @throws RegistryStartException {@code DATA_DIR_UNUSABLE} if it cannot be created or already
   *     holds other files: a mistyped {@code --dir} must not fill a source tree with a database
   */
  public static RegistryDataDir of(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    RegistryDataDir dataDir = new RegistryDataDir(root);
    try {
      if (Files.isDirectory(root) && !Files.isDirectory(dataDir.dbDir()) && !isEmpty(root)) {
        throw new RegistryStartException(
            RegistryStartException.Reason.DATA_DIR_UNUSABLE,
            root + " already holds other files and no registry data; choose a new or empty directory");
      }
      Files.createDirectories(dataDir.dbDir());
    } catch (IOException e) {
      throw new RegistryStartException(
          RegistryStartException.Reason.DATA_DIR_UNUSABLE, "cannot create the registry data directory " + root + ": " + e, e);
    }
    return dataDir;
  }

  public Path root() {
    return root;
  }

  public Path logFile() {
    return root.resolve("registry.log");
  }

  Path dbDir() {
    return root.resolve("db");
  }

  /** The H2 URL that keeps the registry's storage in {@code db/} instead of memory. */
  String jdbcUrl() {
    return "jdbc:h2:file:" + dbDir().resolve("registry");
  }

  /** Writes {@link RegistryWatchdog}'s class file and returns the class path entry holding it. */
  Path writeWatchdog() throws IOException {
    Path classes = root.resolve("watchdog");
    String resource = RegistryWatchdog.class.getName().replace('.', '/') + ".class";
    Path target = classes.resolve(resource);
    Files.createDirectories(target.getParent());
    try (InputStream in = RegistryWatchdog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("class file " + resource + " not found on the class path");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return classes;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
