package io.articlepipeline.serde;

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

  /**
   * Whether {@code failure} (a deserializer's exception, with its causes) says only that the
   * registry could not be asked: a transient error of our client, or a connection failure under
   * another client (Confluent's). Such a record is not bad: it can be read once the registry answers.
   */
  public static boolean registryUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SchemaRegistryException sre) {
        return sre.isTransient();
      }
      if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException || t instanceof java.net.UnknownHostException) {
        return true;
      }
    }
    return false;
  }
}
