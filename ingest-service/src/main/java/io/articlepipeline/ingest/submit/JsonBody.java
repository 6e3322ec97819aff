package io.articlepipeline.ingest.submit;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.io.ContentReference;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a submitted JSON text; anything Jackson refuses is the submitter's error, said with where. */
final class JsonBody {

  /**
   * Reads as the API always has (Jackson 2's defaults): Jackson 3 would refuse nesting deeper than
   * 500 levels where submitters had 1,000, take strings five times as long, and refuse content
   * after the first value, which this API has always ignored.
   */
  private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(1000)
              .maxStringLength(20_000_000)
              .build())
          .build())
      .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  /** Where Jackson 3 puts the start of an unclosed object or array when it may not quote the source. */
  private static final String UNKNOWN_OFFSET = "byte offset: #UNKNOWN]";

  private JsonBody() {
  }

  /**
   * The JSON tree of {@code text}. Malformed JSON, and JSON Jackson refuses to read (nested deeper
   * than its limit of 1,000 levels, a number of more than 1,000 digits) throw an
   * {@link InvalidSubmissionException} naming the problem and, when known, its line and column.
   */
  static JsonNode read(String text) {
    try {
      return JSON.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new InvalidSubmissionException("Request body is not valid JSON: " + problem(e) + where, List.of());
    }
  }

  /**
   * Jackson's words for the problem, as submitters have always read them (Jackson 2's): Jackson 3
   * says "property name" where Jackson 2 said "field name", and gives an unclosed object or
   * array's start as an unknown byte offset where Jackson 2 gave its line and column.
   */
  private static String problem(JacksonException e) {
    String message = e.getOriginalMessage().replace("property name", "field name");
    if (message.contains(UNKNOWN_OFFSET) && e instanceof StreamReadException read && read.processor() != null) {
      TokenStreamLocation start = read.processor().streamReadContext().startLocation(ContentReference.redacted());
      message = message.replace(UNKNOWN_OFFSET,
          "line: " + start.getLineNr() + ", column: " + start.getColumnNr() + "]");
    }
    return message;
  }
}
