package io.articlepipeline.ops.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Checks an {@code Authorization} header against the expected bearer token. No I/O. */
public final class BearerTokenCheck {

  private static final String PREFIX = "Bearer ";
  private final byte[] expected;

  public BearerTokenCheck(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("pipeline.ops.token must be set");
    }
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether the header carries the expected token. */
  public boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return false;
    }
    byte[] given = authorizationHeader.substring(PREFIX.length()).trim()
        .getBytes(StandardCharsets.UTF_8);
    // Constant time, so the answer's timing does not reveal how much of the token matched.
    return MessageDigest.isEqual(expected, given);
  }
}
