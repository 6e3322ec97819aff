package io.articlepipeline.ops.reprocess;

import io.articlepipeline.web.auth.AuthProperties;
import io.articlepipeline.web.auth.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The ops token the console sends to the other services: the one its own filter accepts
 * (pipeline.auth): {@code ops.token} of the credentials file, read at each call so a rotated token
 * is sent at once, else {@code pipeline.auth.tokens.ops} ({@code OPS_TOKEN}).
 */
public class OpsToken implements Supplier<String> {

  private final AuthProperties auth;

  public OpsToken(AuthProperties auth) {
    this.auth = auth;
  }

  @Override
  public String get() {
    Path file = auth.credentialsPath();
    if (file != null && Files.isReadable(file)) {
      try {
        String token = Credentials.readTokens(file).get("ops");
        if (token != null) {
          return token;
        }
      } catch (IOException e) {
        // unreadable just now (being replaced): the configured token, as below
      }
    }
    String token = auth.getTokens().get("ops");
    return token == null ? "" : token.trim();
  }
}
