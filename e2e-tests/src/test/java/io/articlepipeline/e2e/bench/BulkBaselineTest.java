package io.articlepipeline.e2e.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BulkBaselineTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Pattern number = BulkBaseline.markerNumber("Benchxq");

  @Test
  void readsTheCopyNumberFromTheMarkerLineOfTheBodyElseOfTheTokens() {
    assertThat(BulkBaseline.submitted(number, JSON.readTree("{\"body\": \"正文\\nBenchxq 1207\", \"tokens\": \"x\"}")))
        .isEqualTo(1207);
    assertThat(BulkBaseline.submitted(number, JSON.readTree("{\"body\": \"正文\", \"tokens\": \"正文 benchxq 45\"}")))
        .isEqualTo(45);
    assertThat(BulkBaseline.submitted(number, JSON.readTree("{\"body\": \"Benchxqq 3 正文\"}")))
        .as("another marker that starts with this one").isEqualTo(Long.MAX_VALUE);
    assertThat(BulkBaseline.submitted(number, JSON.readTree("{\"body\": \"正文\"}"))).isEqualTo(Long.MAX_VALUE);
  }
}
