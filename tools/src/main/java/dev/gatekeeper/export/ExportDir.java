package dev.gatekeeper.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory an export is written into. Files are written under hidden temporary names and
 * renamed atomically, so a file under its final name is always complete; the caller publishes
 * the manifest last, so a directory with a manifest is a complete export.
 */
final class ExportDir {
  private final Path dir;
  private final boolean created;
  /** Every file this export wrote, under its temporary or final name. */
  private final List<Path> written = new ArrayList<>();

  private ExportDir(Path dir, boolean created) {
    this.dir = dir;
    this.created = created;
  }

  /**
   * @throws ExportException if {@code dir} exists and is not an empty directory: an export never
   *     mixes with other files, nor overwrites an earlier export
   */
  static void requireUsable(Path dir) throws ExportException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new ExportException(dir + " exists and is not a directory; pass a new or empty directory to --out");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      if (entries.iterator().hasNext()) {
        throw new ExportException(dir + " is not empty; pass a new or empty directory to --out (each export gets its own)");
      }
    } catch (IOException e) {
      throw new ExportException("cannot list " + dir + " (" + e.getClass().getSimpleName() + "); pass a readable directory to --out");
    }
  }

  /** Creates the directory (and its parents) unless it is there, empty. */
  static ExportDir open(Path dir) throws ExportException {
    requireUsable(dir);
    boolean created = !Files.exists(dir);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ExportException("cannot create " + dir + " (" + e.getClass().getSimpleName() + "); pass a writable location to --out");
    }
    return new ExportDir(dir, created);
  }

  /** Where to write the file that {@link #publish} will name {@code name}. */
  Path temp(String name) {
    Path temp = tempName(name);
    written.add(temp);
    return temp;
  }

  /** Makes the temporary file durable, then gives it its final name in one atomic step. */
  void publish(String name) throws IOException {
    Path temp = tempName(name);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    written.add(dir.resolve(name));
  }

  private Path tempName(String name) {
    return dir.resolve("." + name + ".partial");
  }

  /**
   * After a failure, before the manifest was published: deletes every file this export wrote and,
   * if it created the directory, the directory, so that the same command can simply be run again.
   */
  void abandon() {
    for (Path file : written) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Best effort: without a manifest, what is left is not an export, and the next run into
        // this directory refuses it as not empty rather than mixing with it.
      }
    }
    written.clear();
    if (created) {
      try {
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        // Not empty or not deletable: left for the operator, as above.
      }
    }
  }
}
