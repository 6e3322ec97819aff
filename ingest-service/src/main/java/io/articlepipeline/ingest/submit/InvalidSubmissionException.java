package io.articlepipeline.ingest.submit;

import java.util.List;

/** A submission that cannot be accepted; each problem names its field. */
public class InvalidSubmissionException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidSubmissionException(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
