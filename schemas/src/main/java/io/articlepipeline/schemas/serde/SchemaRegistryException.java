package io.articlepipeline.schemas.serde;

/** The registry answered with an error, or could not be reached. */
public class SchemaRegistryException extends RuntimeException {

  /** HTTP status; 0 when the registry could not be reached. */
  private final int status;
  /** The registry's {@code error_code}, or -1 if it gave none. */
  private final int errorCode;

  public SchemaRegistryException(String message, int status, int errorCode, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  public int status() {
    return status;
  }

  public int errorCode() {
    return errorCode;
  }

  /** Worth retrying: unreachable, overloaded or a server error. */
  public boolean isTransient() {
    return status == 0 || status == 408 || status == 429 || status >= 500;
  }
}
