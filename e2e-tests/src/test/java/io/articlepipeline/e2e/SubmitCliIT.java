package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.cli.Accepted;
import io.articlepipeline.cli.Cli;
import io.articlepipeline.cli.Problem;
import io.articlepipeline.cli.SubmitReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The submit client (pipeline-cli) against the running pipeline: a directory of JSON Lines and
 * JSON goes through the batch API, the refused line is told by file, line and field, every
 * accepted article becomes searchable once, and submitting the same files again replaces them
 * instead of adding copies.
 */
class SubmitCliIT {

  private static final int LINES = 50;
  private static final int INVALID_LINE = 26;

  @TempDir
  Path dir;

  @Test
  void aDirectoryOfArticlesBecomesSearchableOnceAndASecondRunDuplicatesNothing() throws Exception {
    String marker = marker();
    Path jsonl = dir.resolve("articles.jsonl");
    Path json = dir.resolve("more.json");
    writeArticles(jsonl, json, marker);
    int valid = LINES + 2;

    Run first = submit();

    assertThat(first.code()).as(first.output()).isEqualTo(Cli.FAILED); // the invalid line, nothing else
    SubmitReport report = first.report();
    assertThat(report.fatal()).as(first.output()).isNull();
    assertThat(report.accepted()).as(first.output()).hasSize(valid);
    assertThat(report.failed()).as(first.output()).isEmpty();
    assertThat(report.refused()).as(first.output()).singleElement().satisfies(p -> {
      assertThat(p.origin().file()).isEqualTo(jsonl);
      assertThat(p.origin().line()).isEqualTo(INVALID_LINE);
      assertThat(p.message()).startsWith("title");
      assertThat(p.toString()).startsWith(jsonl + ":" + INVALID_LINE + ": title");
    });
    assertThat(first.output()).contains(jsonl + ":" + INVALID_LINE + ": title");
    assertThat(report.waited()).isTrue();
    assertThat(report.failedInPipeline()).as(first.output()).isEmpty();
    assertThat(report.stillProcessing()).as(first.output()).isZero();
    assertThat(report.searchable()).isEqualTo(valid);
    Set<String> ids = report.accepted().stream().map(Accepted::id).collect(Collectors.toSet());
    assertThat(ids).hasSize(valid);

    // the status reads the document itself; a search sees it after the index's next refresh
    List<String> hits = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> hitIds(marker), h -> h.size() >= valid);
    assertThat(hits).as("each accepted article found exactly once").hasSize(valid).doesNotHaveDuplicates();
    assertThat(Set.copyOf(hits)).isEqualTo(ids);

    Run second = submit();

    assertThat(second.code()).as(second.output()).isEqualTo(Cli.FAILED);
    assertThat(second.report().accepted()).extracting(Accepted::id).as("the same ids again")
        .containsExactlyInAnyOrderElementsOf(ids);
    assertThat(second.report().refused()).extracting(Problem::toString)
        .containsExactlyElementsOf(report.refused().stream().map(Problem::toString).toList());
    assertThat(second.report().searchable()).as(second.output()).isEqualTo(valid);
    // a copy would show after a refresh (about a second): the count must hold for longer than that
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
        .until(() -> hitIds(marker).size() == valid);
    assertThat(hitIds(marker)).hasSize(valid).doesNotHaveDuplicates();
  }

  private Run submit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Cli cli = new Cli(Map.of("INGEST_URL", Endpoints.INGEST, "SUBMIT_TOKEN", Endpoints.SUBMIT_TOKEN),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    int code = cli.run("submit", "--progress", "plain", "--batch-size", "20", "--wait-timeout", "180",
        "--reader-url", Endpoints.INDEX, dir.toString());
    return new Run(code, cli.lastReport(),
        out.toString(StandardCharsets.UTF_8) + "\n--- stderr\n" + err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int code, SubmitReport report, String output) {
  }

  /**
   * 50 lines with one invalid among them (an empty title) in .jsonl, two more in .json; half of
   * them with a url (the id comes from it), half without (the id comes from title and body).
   */
  private static void writeArticles(Path jsonl, Path json, String marker) throws Exception {
    List<String> lines = new ArrayList<>();
    int n = 0;
    for (int line = 1; line <= LINES + 1; line++) {
      if (line == INVALID_LINE) {
        lines.add("{\"title\": \"\", \"body\": \"An article without a title " + marker + ".\"}");
        continue;
      }
      lines.add(article(++n, marker));
    }
    Files.write(jsonl, lines, StandardCharsets.UTF_8);
    Files.writeString(json, "[\n" + article(++n, marker) + ",\n" + article(++n, marker) + "\n]\n");
  }

  private static String article(int n, String marker) {
    String url = n % 2 == 0 ? ", \"url\": \"https://example.org/submit-cli-it/" + marker + "/" + n + "\"" : "";
    return "{\"title\": \"Submit client test article " + n + "\", \"body\": \"Article number " + n
        + " of the submit client test mentions the word " + marker + " once. The city council of Springfield"
        + " met on Tuesday to discuss the new library.\", \"language\": \"en\"" + url + "}";
  }

  /** A word of letters no other article holds: the search finds this run's articles and nothing else. */
  private static String marker() {
    Random random = new Random();
    StringBuilder word = new StringBuilder("clitest");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  /** Ids of every hit for the word, all pages (the index serves at most 50 per page). */
  private static List<String> hitIds(String word) {
    List<String> ids = new ArrayList<>();
    for (int page = 1; page <= 10; page++) {
      Http.Response response = Http.get(Endpoints.INDEX + "/api/search?q=" + Http.q(word) + "&size=50&page=" + page,
          null);
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      JsonNode hits = response.json().path("hits");
      hits.forEach(h -> ids.add(h.path("id").asString()));
      if (hits.size() < 50) {
        break;
      }
    }
    return ids;
  }
}
