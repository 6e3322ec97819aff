package io.articlepipeline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a submit will read, in a stable order, found before anything is sent so that a
 * mistyped path stops the command without a half-done submission.
 *
 * @param jsonFiles    {@code .jsonl}/{@code .ndjson}/{@code .json} files
 * @param pages        pasted pages ({@code .txt}, {@code .html}, {@code .htm})
 * @param skippedFiles files of other kinds found in the named directories
 */
record InputPlan(List<Path> jsonFiles, List<Path> pages, int skippedFiles) {

  /**
   * Walks the paths: a file is taken if its kind is known (else a usage error), a directory is
   * walked recursively, its files sorted by path (so a second run sends in the same order).
   *
   * @throws UsageException a path that does not exist or a named file of an unknown kind
   */
  static InputPlan of(List<Path> paths) {
    List<Path> json = new ArrayList<>();
    List<Path> pages = new ArrayList<>();
    int skipped = 0;
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        for (Path file : filesUnder(path)) {
          if (!add(file, json, pages)) {
            skipped++;
          }
        }
      } else if (Files.isRegularFile(path)) {
        if (!add(path, json, pages)) {
          throw new UsageException(path + ": not a kind of file submit reads (" + FileKind.KNOWN + ")");
        }
      } else if (Files.exists(path)) {
        throw new UsageException(path + ": neither a file nor a directory");
      } else {
        throw new UsageException(path + ": no such file or directory");
      }
    }
    return new InputPlan(List.copyOf(json), List.copyOf(pages), skipped);
  }

  private static boolean add(Path file, List<Path> json, List<Path> pages) {
    switch (FileKind.of(file)) {
      case JSON_LINES:
      case JSON:
        json.add(file);
        return true;
      case PAGE:
        pages.add(file);
        return true;
      default:
        return false;
    }
  }

  private static List<Path> filesUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
