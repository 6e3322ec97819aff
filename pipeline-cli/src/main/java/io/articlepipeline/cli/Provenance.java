package io.articlepipeline.cli;

import java.nio.file.Path;

/**
 * Where an article came from, so a refusal can be told as {@code path:line}: the line of a
 * {@code .jsonl} file, the line an element of a {@code .json} array starts on, or 0 for a whole
 * file (a pasted page).
 *
 * @param file the file as named or found under a named directory
 * @param line 1-based line, 0 for the whole file
 */
public record Provenance(Path file, int line) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file.toString();
  }
}
