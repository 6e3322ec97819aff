package io.articlepipeline.cli;

import java.nio.file.Path;
import java.util.Locale;

/** What a file holds, told by its extension. */
enum FileKind {
  /** {@code .jsonl}, {@code .ndjson}: one JSON article object per line. */
  JSON_LINES,
  /** {@code .json}: one article object or an array of them. */
  JSON,
  /** {@code .txt}, {@code .html}, {@code .htm}: a pasted page, sent alone as text/plain. */
  PAGE,
  /** Anything else: skipped in a directory, an error when named. */
  OTHER;

  static final String KNOWN = ".jsonl, .ndjson, .json, .txt, .html, .htm";

  static FileKind of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    switch (ext) {
      case "jsonl":
      case "ndjson":
        return JSON_LINES;
      case "json":
        return JSON;
      case "txt":
      case "html":
      case "htm":
        return PAGE;
      default:
        return OTHER;
    }
  }
}
