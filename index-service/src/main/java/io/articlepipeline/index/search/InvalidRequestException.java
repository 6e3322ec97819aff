package io.articlepipeline.index.search;

import java.util.List;

/** Bad input from a reader: answered with 400 and the list of what was wrong. */
public class InvalidRequestException extends RuntimeException {

  private final List<String> details;

  public InvalidRequestException(String message, List<String> details) {
    super(message);
    this.details = List.copyOf(details);
  }

  public List<String> details() {
    return details;
  }
}
