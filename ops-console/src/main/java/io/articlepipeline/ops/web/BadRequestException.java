package io.articlepipeline.ops.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the console refuses, with the 4xx status to answer and the reasons. */
public class BadRequestException extends RuntimeException {

  private final HttpStatus status;
  private final List<String> details;

  public BadRequestException(HttpStatus status, String message, List<String> details) {
    super(message);
    this.status = status;
    this.details = List.copyOf(details);
  }

  public BadRequestException(String message, String... details) {
    this(HttpStatus.BAD_REQUEST, message, List.of(details));
  }

  public HttpStatus status() {
    return status;
  }

  public List<String> details() {
    return details;
  }
}
