package io.articlepipeline.ingest.submit;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads a submitted JSON text; anything Jackson refuses is the submitter's error, said with where. */
final class JsonBody {

  private static final ObjectMapper JSON = new ObjectMapper();

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
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new InvalidSubmissionException("Request body is not valid JSON: " + e.getOriginalMessage() + where, List.of());
    }
  }
}
