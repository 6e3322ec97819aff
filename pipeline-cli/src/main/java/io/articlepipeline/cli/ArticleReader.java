package io.articlepipeline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the JSON article files one article at a time, so a large corpus is never held whole in
 * memory. What cannot be an article (a line that is not a JSON object) is refused here, with its
 * line, and never sent; everything else is sent as given and judged by the service.
 */
final class ArticleReader {

  private final ObjectMapper json;

  ArticleReader(ObjectMapper json) {
    this.json = json;
  }

  /** How many articles (or would-be articles) the file holds, for the progress bar's total. */
  int count(Path file) throws IOException {
    if (FileKind.of(file) == FileKind.JSON_LINES) {
      // a line is an article or a refusal either way: no need to parse it twice
      try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
        return (int) lines.filter(l -> !l.isBlank() && !l.equals("\uFEFF")).count();
      }
    }
    int[] n = {0};
    read(file, a -> n[0]++, p -> n[0]++);
    return n[0];
  }

  /**
   * Reads a {@code .jsonl}/{@code .ndjson} or {@code .json} file.
   *
   * @param articles receives each article in file order
   * @param refused  receives what cannot be an article, with its line
   */
  void read(Path file, Consumer<Article> articles, Consumer<Problem> refused) throws IOException {
    if (FileKind.of(file) == FileKind.JSON_LINES) {
      readLines(file, articles, refused);
    } else {
      readDocument(file, articles, refused);
    }
  }

  private void readLines(Path file, Consumer<Article> articles, Consumer<Problem> refused) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte order mark some editors write
        }
        if (line.isBlank()) {
          continue;
        }
        Provenance origin = new Provenance(file, number);
        String text = line.strip();
        try {
          JsonNode node = json.readTree(text);
          if (node == null || !node.isObject()) {
            refused.accept(new Problem(origin, "json: not a JSON object"));
          } else {
            // the line itself, not a re-serialization: sent exactly as the submitter wrote it
            articles.accept(Article.of(origin, text));
          }
        } catch (JacksonException e) {
          refused.accept(new Problem(origin, "json: " + e.getOriginalMessage()));
        }
      }
    }
  }

  private void readDocument(Path file, Consumer<Article> articles, Consumer<Problem> refused) {
    try (JsonParser parser = json.createParser(file)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        articles.accept(element(parser, file));
      } else if (first == JsonToken.START_ARRAY) {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          if (parser.currentToken() == JsonToken.START_OBJECT) {
            articles.accept(element(parser, file));
          } else {
            Provenance origin = new Provenance(file, line(parser));
            parser.skipChildren();
            refused.accept(new Problem(origin, "json: array element is not a JSON object"));
          }
        }
      } else {
        refused.accept(new Problem(new Provenance(file, 1), "json: neither an article object nor an array of them"));
      }
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      refused.accept(new Problem(new Provenance(file, Math.max(line, 0)), "json: " + e.getOriginalMessage()));
    }
  }

  /** The object the parser stands on, as one line, tagged with the line it starts on. */
  private Article element(JsonParser parser, Path file) {
    Provenance origin = new Provenance(file, line(parser));
    // readValueAsTree reads just this element; the mapper's readTree would insist on the end of input
    JsonNode node = parser.readValueAsTree();
    return Article.of(origin, json.writeValueAsString(node));
  }

  private static int line(JsonParser parser) {
    return Math.max(parser.currentTokenLocation().getLineNr(), 1);
  }
}
