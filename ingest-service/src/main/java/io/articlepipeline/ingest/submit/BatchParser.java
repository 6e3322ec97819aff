package io.articlepipeline.ingest.submit;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Splits a batch request into its articles: NDJSON (one JSON object per line, blank lines
 * skipped) or a JSON array. Each article is validated on its own, so one bad line never sinks the
 * others; a batch with more articles than allowed is refused whole. Plain Java.
 */
public final class BatchParser {

  /** One article of a batch: its 1-based line (NDJSON) or element (array), and either the submission or why not. */
  public record Item(int line, Submission submission, InvalidSubmissionException invalid) {
  }

  /** The batch holds more articles than one request may. */
  public static final class TooManyArticlesException extends RuntimeException {
    TooManyArticlesException(String message) {
      super(message);
    }
  }


  private final SubmissionParser parser;
  private final int maxArticles;

  public BatchParser(SubmissionParser parser, int maxArticles) {
    this.parser = parser;
    this.maxArticles = maxArticles;
  }

  /** The articles of an NDJSON body, in order. */
  public List<Item> parseNdjson(String body) {
    List<Item> items = new ArrayList<>();
    int lineNumber = 0;
    int start = 0;
    while (start <= body.length()) {
      int end = body.indexOf('\n', start);
      if (end < 0) {
        end = body.length();
      }
      lineNumber++;
      String line = body.substring(start, end);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      checkCount(items.size() + 1);
      items.add(item(lineNumber, line));
    }
    return items;
  }

  /** The articles of a JSON array body, in order (numbered by element). */
  public List<Item> parseArray(String body) {
    JsonNode root = JsonBody.read(body);
    if (root == null || !root.isArray()) {
      throw new InvalidSubmissionException("A batch sent as application/json must be a JSON array of articles "
          + "(or send application/x-ndjson, one article per line)", List.of());
    }
    checkCount(root.size());
    List<Item> items = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      try {
        items.add(new Item(i + 1, parser.parseObject(root.get(i)), null));
      } catch (InvalidSubmissionException e) {
        items.add(new Item(i + 1, null, e));
      }
    }
    return items;
  }

  private Item item(int lineNumber, String line) {
    try {
      return new Item(lineNumber, parser.parseJson(line), null);
    } catch (InvalidSubmissionException e) {
      return new Item(lineNumber, null, e);
    }
  }

  private void checkCount(int count) {
    if (count > maxArticles) {
      throw new TooManyArticlesException("A batch may hold at most " + maxArticles
          + " articles (pipeline.ingest.batch-max-articles); split it into several requests");
    }
  }
}
