package io.articlepipeline.enrich.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The repository's sample page (samples/ at the top; a copy here so the module builds alone), as a submitter would paste it. */
final class SamplePage {

  private SamplePage() {
  }

  static String text() {
    try (InputStream in = SamplePage.class.getResourceAsStream("/sample-page.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
