package io.articlepipeline.cli;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads the services' JSON answers into what a person is told. */
final class ApiAnswers {

  private ApiAnswers() {
  }

  /** The JSON of a body, or null when it is not JSON (a proxy's HTML page, a cut answer). */
  static JsonNode tree(ObjectMapper json, String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  /**
   * An {@code {"error", "details"}} answer as one line: the field messages when there are any
   * ({@code title: must not be blank; body: ...}), else the error.
   */
  static String describe(JsonNode answer, String fallback) {
    if (answer == null || !answer.isObject()) {
      return fallback;
    }
    String details = details(answer.path("details"));
    String error = answer.path("error").asString("");
    if (!details.isEmpty()) {
      return details;
    }
    return error.isEmpty() ? fallback : error;
  }

  /** Details as {@code field: message; ...}; a detail may be such an object or a plain string. */
  static String details(JsonNode details) {
    StringBuilder out = new StringBuilder();
    if (details != null && details.isArray()) {
      for (JsonNode d : details) {
        String one = d.isObject()
            ? join(d.path("field").asString(""), d.path("message").asString(""))
            : d.asString("");
        if (!one.isEmpty()) {
          out.append(out.length() == 0 ? "" : "; ").append(one);
        }
      }
    }
    return out.toString();
  }

  private static String join(String field, String message) {
    if (field.isEmpty()) {
      return message;
    }
    return message.isEmpty() ? field : field + ": " + message;
  }
}
