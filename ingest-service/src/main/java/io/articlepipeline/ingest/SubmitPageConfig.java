package io.articlepipeline.ingest;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /config.json}: what the submit page (static/index.html) needs to know that only the
 * server knows: where the reader page is. Public, like the page itself; the API stays behind the token.
 */
@RestController
class SubmitPageConfig {

  private final IngestProperties properties;

  SubmitPageConfig(IngestProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/config.json")
  Map<String, Object> config() {
    return Map.of("readerUrl", properties.getReaderUrl() == null ? "" : properties.getReaderUrl());
  }
}
