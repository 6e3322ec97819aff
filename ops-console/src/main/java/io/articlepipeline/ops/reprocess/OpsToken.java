package io.articlepipeline.ops.reprocess;

import io.articlepipeline.web.auth.AuthProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
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
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        p.clear();
      }
      String token = p.getProperty("ops.token", "").trim();
      if (!token.isEmpty()) {
        return token;
      }
    }
    String token = auth.getTokens().get("ops");
    return token == null ? "" : token.trim();
  }
}
