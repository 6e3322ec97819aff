package io.articlepipeline.ops.web;

import java.util.List;

/**
 * Every error answer: {@code {"error": "...", "details": [...]}}.
 *
 * @param error what went wrong, in one sentence
 * @param details specifics (bad fields, the setting to change), possibly empty
 */
public record ApiError(String error, List<String> details) {

  public ApiError {
    details = details == null ? List.of() : List.copyOf(details);
  }

  public static ApiError of(String error, String... details) {
    return new ApiError(error, List.of(details));
  }
}
