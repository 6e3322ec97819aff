package io.articlepipeline.cli;

/**
 * An article that did not make it, reported as {@code path:line: message}.
 *
 * @param origin  where the article came from
 * @param message why, e.g. {@code title: must not be blank}
 */
public record Problem(Provenance origin, String message) {

  @Override
  public String toString() {
    return origin + ": " + message;
  }
}
