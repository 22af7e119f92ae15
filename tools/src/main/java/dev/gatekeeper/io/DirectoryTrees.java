package dev.gatekeeper.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories the tools make for themselves (state, broker data, export stores). */
public final class DirectoryTrees {
  private DirectoryTrees() {}

  /**
   * Deletes {@code dir} and everything under it, deepest first; a directory that is already gone is
   * fine. Best effort per file: one that cannot be deleted is left, and so are its parents.
   *
   * @throws IOException if the tree cannot be walked
   */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
