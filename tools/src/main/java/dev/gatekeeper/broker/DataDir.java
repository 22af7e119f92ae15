package dev.gatekeeper.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * The layout of a broker's data directory:
 *
 * <pre>
 * DIR/server.properties   rewritten on every start (ports may change)
 * DIR/broker.log          the child JVM's standard output and error, appended across starts
 * DIR/broker-jvm.args     the child's class path, as a java launcher argument file
 * DIR/kafka/              log.dirs and metadata.log.dir: partitions, metadata log, meta.properties
 * </pre>
 *
 * Everything the broker stores lives under {@code kafka/}, so the directory survives restarts as
 * long as that folder is kept.
 */
public final class DataDir {
  private final Path root;
  private final boolean temporary;

  private DataDir(Path root, boolean temporary) {
    this.root = root;
    this.temporary = temporary;
  }

  /**
   * A directory kept after the broker stops; created when missing.
   *
   * @throws BrokerStartException {@code DATA_DIR_UNUSABLE} if it cannot be created, or if it
   *     already holds other files: a mistyped {@code --dir} must not fill a home directory or a
   *     source tree with broker files
   */
  public static DataDir persistent(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    DataDir dataDir = new DataDir(root, false);
    try {
      if (Files.isDirectory(root) && !dataDir.looksLikeABrokerDir() && !isEmpty(root)) {
        throw new BrokerStartException(
            BrokerStartException.Reason.DATA_DIR_UNUSABLE,
            root + " already holds other files and no broker data; choose a new or empty directory");
      }
      Files.createDirectories(dataDir.kafkaDir());
    } catch (IOException e) {
      throw new BrokerStartException(
          BrokerStartException.Reason.DATA_DIR_UNUSABLE, "cannot create the broker data directory " + root + ": " + e, e);
    }
    return dataDir;
  }

  /** A fresh directory under the system temp dir, meant to be {@linkplain #delete deleted}. */
  public static DataDir temporary() {
    try {
      Path root = Files.createTempDirectory("gatekeeper-broker-");
      Files.createDirectories(root.resolve("kafka"));
      return new DataDir(root, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary broker data directory", e);
    }
  }

  public Path root() {
    return root;
  }

  public boolean isTemporary() {
    return temporary;
  }

  public Path serverProperties() {
    return root.resolve("server.properties");
  }

  public Path logFile() {
    return root.resolve("broker.log");
  }

  public Path jvmArgsFile() {
    return root.resolve("broker-jvm.args");
  }

  /** The broker's {@code log.dirs} and {@code metadata.log.dir}. */
  public Path kafkaDir() {
    return root.resolve("kafka");
  }

  private boolean looksLikeABrokerDir() {
    return Files.isDirectory(kafkaDir()) || Files.exists(serverProperties());
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  /** Whether {@code kafka-storage format} already ran here ({@code meta.properties} exists). */
  public boolean isFormatted() {
    return Files.exists(kafkaDir().resolve("meta.properties"));
  }

  /**
   * Whether a running broker holds the directory: Kafka keeps an OS lock on {@code .lock} in
   * every log dir while it runs, which a second broker would fail to take.
   */
  public boolean isLockedByAnotherProcess() {
    Path lockFile = kafkaDir().resolve(".lock");
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the lock of " + lockFile, e);
    }
  }

  /** Deletes the whole directory; the broker must have stopped. */
  public void delete() throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            deleteIfPresent(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            deleteIfPresent(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteIfPresent(Path path) throws IOException {
    try {
      Files.delete(path);
    } catch (NoSuchFileException e) {
      // Already gone: the result is the same.
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
