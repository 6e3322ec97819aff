package io.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end against {@link FakeIngest}: exit codes and what is printed. */
class CliTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void allAcceptedAndSearchableExitsZeroWithASummary() throws Exception {
    try (FakeIngest ingest = new FakeIngest()) {
      Path file = Files.writeString(dir.resolve("a.jsonl"), SubmitCommandTest.article(1) + "\n");

      int code = cli(ingest).run("submit", "--progress", "plain", file.toString());

      assertThat(code).isEqualTo(Cli.OK);
      assertThat(text(out)).contains("accepted       1 of 1 articles", "searchable     1 of 1");
    }
  }

  @Test
  void aRefusedArticleExitsOne() throws Exception {
    try (FakeIngest ingest = new FakeIngest()) {
      Path file = Files.writeString(dir.resolve("a.jsonl"), "{\"title\":\"\",\"body\":\"b\"}\n");

      assertThat(cli(ingest).run("submit", "--no-wait", "--progress", "none", file.toString())).isEqualTo(Cli.FAILED);
      assertThat(text(out)).contains(file + ":1: title: must not be blank");
    }
  }

  @Test
  void aMissingPathExitsTwoAndSendsNothing() throws Exception {
    try (FakeIngest ingest = new FakeIngest()) {
      Path file = Files.writeString(dir.resolve("a.jsonl"), SubmitCommandTest.article(1) + "\n");

      int code = cli(ingest).run("submit", file.toString(), dir.resolve("typo.jsonl").toString());

      assertThat(code).isEqualTo(Cli.USAGE);
      assertThat(text(err)).contains("typo.jsonl: no such file or directory");
      assertThat(ingest.requests).isEmpty();
    }
  }

  @Test
  void aRefusedTokenExitsOneSayingSo() throws Exception {
    try (FakeIngest ingest = new FakeIngest()) {
      Path file = Files.writeString(dir.resolve("a.jsonl"), SubmitCommandTest.article(1) + "\n");
      Cli cli = new Cli(Map.of("INGEST_URL", ingest.url(), "SUBMIT_TOKEN", "wrong"), print(out), print(err));

      assertThat(cli.run("submit", "--progress", "none", file.toString())).isEqualTo(Cli.FAILED);
      assertThat(text(err)).contains("pipeline-cli: the submit token was refused (HTTP 401");
    }
  }

  @Test
  void usageErrorsExitTwo() {
    Cli cli = new Cli(Map.of(), print(out), print(err));

    assertThat(cli.run()).isEqualTo(Cli.USAGE);
    assertThat(cli.run("publish")).isEqualTo(Cli.USAGE);
    assertThat(cli.run("submit", "--help")).isEqualTo(Cli.OK);
    assertThat(text(out)).contains("usage: pipeline-cli submit");
  }

  private Cli cli(FakeIngest ingest) {
    return new Cli(Map.of("INGEST_URL", ingest.url(), "SUBMIT_TOKEN", FakeIngest.TOKEN), print(out), print(err));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static String text(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
