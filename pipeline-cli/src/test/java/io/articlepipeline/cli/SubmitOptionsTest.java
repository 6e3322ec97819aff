package io.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubmitOptionsTest {

  private static final Map<String, String> ENV = Map.of("INGEST_URL", "http://127.0.0.1:8080", "SUBMIT_TOKEN", "t0k");

  @Test
  void defaultsAndTheEnvironment() {
    SubmitOptions o = SubmitOptions.parse(List.of("a.jsonl", "dir"), ENV);

    assertThat(o.paths()).containsExactly(Path.of("a.jsonl"), Path.of("dir"));
    assertThat(o.waitSearchable()).isTrue();
    assertThat(o.concurrency()).isEqualTo(4);
    assertThat(o.batchSize()).isEqualTo(500);
    assertThat(o.maxRequestBytes()).isEqualTo(8L * 1024 * 1024);
    assertThat(o.ingestUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(o.token()).isEqualTo("t0k");
    assertThat(o.readerUrl()).isNull();
    assertThat(o.waitTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(o.maxTries()).isEqualTo(10);
  }

  @Test
  void flagsOverrideTheEnvironmentInEitherSpelling() {
    SubmitOptions o = SubmitOptions.parse(List.of("--no-wait", "--concurrency", "2", "--batch-size=1000",
        "--ingest-url", "http://other:1", "--token=x", "--reader-url", "http://r", "--wait-timeout", "5",
        "--progress", "plain", "--", "--odd-file-name.json"), ENV);

    assertThat(o.waitSearchable()).isFalse();
    assertThat(o.concurrency()).isEqualTo(2);
    assertThat(o.batchSize()).isEqualTo(1000);
    assertThat(o.ingestUrl()).isEqualTo("http://other:1");
    assertThat(o.token()).isEqualTo("x");
    assertThat(o.readerUrl()).isEqualTo("http://r");
    assertThat(o.waitTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.progress()).isEqualTo(ProgressMode.PLAIN);
    assertThat(o.paths()).containsExactly(Path.of("--odd-file-name.json"));
  }

  @Test
  void refusesWhatItCannotUse() {
    assertThatThrownBy(() -> SubmitOptions.parse(List.of(), ENV)).hasMessage("no PATH given");
    assertThatThrownBy(() -> SubmitOptions.parse(List.of("--batch-size", "1001", "a"), ENV))
        .hasMessage("--batch-size must be a whole number from 1 to 1000, got '1001'");
    assertThatThrownBy(() -> SubmitOptions.parse(List.of("--concurrency"), ENV)).hasMessage("--concurrency needs a value");
    assertThatThrownBy(() -> SubmitOptions.parse(List.of("--frobnicate", "1", "a"), ENV))
        .hasMessage("unknown option --frobnicate");
    assertThatThrownBy(() -> SubmitOptions.parse(List.of("a"), Map.of("SUBMIT_TOKEN", "t")))
        .hasMessageStartingWith("no ingest URL");
    assertThatThrownBy(() -> SubmitOptions.parse(List.of("a"), Map.of("INGEST_URL", "http://x")))
        .hasMessageStartingWith("no submit token");
  }
}
