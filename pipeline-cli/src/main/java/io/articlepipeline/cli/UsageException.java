package io.articlepipeline.cli;

/** A command line or a path the command cannot work with: reported as such, exit code 2. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong, for a person to read
   */
  public UsageException(String message) {
    super(message);
  }
}
