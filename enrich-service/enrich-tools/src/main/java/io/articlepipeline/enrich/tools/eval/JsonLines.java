package io.articlepipeline.enrich.tools.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON Lines files of eval/ and data/: one JSON object per line, blank lines skipped,
 * a UTF-8 byte order mark tolerated. A line that is not a JSON object fails with the file and
 * line number; so does a file that is missing or not UTF-8.
 */
public final class JsonLines {

  /** Content after a line's object is ignored, as it always was (Jackson 2's default). */
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private JsonLines() {
  }

  /** A line of the file: its number (from 1) and its object. */
  public record Line(int number, Map<String, Object> object) {
  }

  /** The objects of the file with their line numbers. */
  @SuppressWarnings("unchecked")
  public static List<Line> read(Path file) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": not UTF-8 text");
    }
    List<Line> out = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Object value;
      try {
        value = JSON.readValue(line, Object.class);
      } catch (JacksonException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": not valid JSON: " + e.getOriginalMessage());
      }
      if (!(value instanceof Map)) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected a JSON object, one per line");
      }
      out.add(new Line(i + 1, (Map<String, Object>) value));
    }
    return out;
  }

  /**
   * The {@code .jsonl} files of a training directory, sorted by name; a missing directory or one
   * without such files fails with a message naming the directory, as a wrong argument would.
   */
  public static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(dir + ": no .jsonl files in it");
    }
    return files;
  }

  /** The objects of the file. */
  public static List<Map<String, Object>> objects(Path file) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Line l : read(file)) {
      out.add(l.object());
    }
    return out;
  }
}
