package io.articlepipeline.ingest.submit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids for articles the submitter did not name: derived from the URL when there is one, else from
 * the content, so resubmitting the same article gives the same id and the index keeps one copy.
 */
public final class ArticleIds {

  private ArticleIds() {
  }

  public static String derive(String url, String title, String body) {
    if (url != null) {
      return "u-" + sha256Hex(url.strip()).substring(0, 16);
    }
    return "c-" + sha256Hex(title.strip() + "\n" + body.strip()).substring(0, 16);
  }

  private static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
