package io.articlepipeline.cli;

import java.nio.charset.StandardCharsets;

/**
 * One JSON article object as it will be sent: a single line of UTF-8 JSON (an NDJSON line, no
 * newline), with where it came from.
 *
 * @param origin file and line, for reports
 * @param json   the object, one line
 */
public record Article(Provenance origin, byte[] json) {

  /** An article from its JSON text, which must not contain a raw line break. */
  static Article of(Provenance origin, String json) {
    return new Article(origin, json.getBytes(StandardCharsets.UTF_8));
  }

  /** Bytes this article takes in an NDJSON body, with its line break. */
  int ndjsonBytes() {
    return json.length + 1;
  }
}
