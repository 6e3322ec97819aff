package io.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SubmitCommand} against {@link FakeIngest}: batching, retries, refusals, waiting. */
class SubmitCommandTest {

  @TempDir
  Path dir;

  private FakeIngest ingest;
  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    ingest = new FakeIngest();
  }

  @AfterEach
  void stop() {
    ingest.close();
  }

  @Test
  void sendsEveryArticleInBatchesOfTheBatchSizeAsNdjsonWithTheToken() throws Exception {
    Path file = jsonl("a.jsonl", 25);

    SubmitReport report = run(options(List.of(file), false).batchSize(10).build());

    List<FakeIngest.Request> batches = ingest.requests("POST", "/api/articles/batch");
    assertThat(batches).hasSize(3);
    assertThat(batches).allSatisfy(r -> {
      assertThat(r.contentType()).isEqualTo("application/x-ndjson");
      assertThat(r.authorization()).isEqualTo("Bearer " + FakeIngest.TOKEN);
    });
    assertThat(batches.stream().map(r -> r.lines().size()).sorted().toList()).containsExactly(5, 10, 10);
    assertThat(batches.stream().flatMap(r -> r.lines().stream()).collect(Collectors.toSet()))
        .isEqualTo(Set.copyOf(Files.readAllLines(file)));
    assertThat(report.accepted()).hasSize(25);
    assertThat(report.refused()).isEmpty();
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void aRefusedLineIsReportedWithItsFileLineAndField() throws Exception {
    Path file = dir.resolve("b.jsonl");
    Files.writeString(file, article(1) + "\n\n{\"title\":\"\",\"body\":\"x\"}\n" + article(2) + "\n");

    SubmitReport report = run(options(List.of(file), false).build());

    assertThat(report.accepted()).hasSize(2);
    assertThat(report.refused()).extracting(Problem::toString)
        .containsExactly(file + ":3: title: must not be blank");
    assertThat(report.exitCode()).isEqualTo(1);
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("refused        1", "  " + file + ":3: title: must not be blank");
  }

  @Test
  void aLineThatIsNotJsonIsRefusedHereAndNeverSent() throws Exception {
    Path file = dir.resolve("c.ndjson");
    Files.writeString(file, article(1) + "\n{not json\n");

    SubmitReport report = run(options(List.of(file), false).build());

    assertThat(report.refused()).singleElement().satisfies(p -> {
      assertThat(p.origin().line()).isEqualTo(2);
      assertThat(p.message()).startsWith("json: ");
    });
    assertThat(ingest.requests("POST", "/api/articles/batch")).singleElement()
        .satisfies(r -> assertThat(r.lines()).containsExactly(article(1)));
  }

  @Test
  void anUnavailableLineIsSentAgainAfterItsRetryAfterAndTheOthersAreNot() throws Exception {
    Path file = jsonl("d.jsonl", 3);
    ingest.batch = (r, n) -> {
      if (n == 1) {
        return new FakeIngest.Answer(200, FakeIngest.lineAnswer(1, r.lines().get(0)) + "\n"
            + "{\"line\":2,\"status\":\"unavailable\",\"error\":\"the broker did not acknowledge\",\"retryAfter\":7}\n"
            + FakeIngest.lineAnswer(3, r.lines().get(2)) + "\n", null);
      }
      return FakeIngest.acceptAll(r);
    };

    SubmitReport report = run(options(List.of(file), false).build());

    List<FakeIngest.Request> batches = ingest.requests("POST", "/api/articles/batch");
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1).lines()).containsExactly(article(2));
    assertThat(slept).containsExactly(Duration.ofSeconds(7));
    assertThat(report.accepted()).hasSize(3);
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void aWholeRequestAnswered503Or429IsSentAgainAfterRetryAfter() throws Exception {
    Path file = jsonl("e.jsonl", 4);
    ingest.batch = (r, n) -> switch (n) {
      case 1 -> new FakeIngest.Answer(503, "{\"error\":\"Kafka is unavailable\",\"details\":[]}", "3");
      case 2 -> new FakeIngest.Answer(429, "{\"error\":\"slow down\"}", "2");
      default -> FakeIngest.acceptAll(r);
    };

    SubmitReport report = run(options(List.of(file), false).build());

    assertThat(ingest.requests("POST", "/api/articles/batch")).hasSize(3)
        .allSatisfy(r -> assertThat(r.lines()).hasSize(4));
    assertThat(slept).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(2));
    assertThat(report.accepted()).hasSize(4);
  }

  @Test
  void aLostConnectionSendsTheSameLinesAgain() throws Exception {
    Path file = jsonl("f.jsonl", 2);
    ingest.batch = (r, n) -> n == 1 ? null : FakeIngest.acceptAll(r);

    SubmitReport report = run(options(List.of(file), false).build());

    List<FakeIngest.Request> batches = ingest.requests("POST", "/api/articles/batch");
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1).body()).isEqualTo(batches.get(0).body());
    assertThat(report.accepted()).hasSize(2);
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void givesUpAfterMaxTriesWithTheLastErrorAndReportsThemAsFailed() throws Exception {
    Path file = jsonl("g.jsonl", 2);
    ingest.batch = (r, n) -> new FakeIngest.Answer(503, "{\"error\":\"Kafka is unavailable\"}", "1");

    SubmitReport report = run(options(List.of(file), false).maxTries(3).build());

    assertThat(ingest.requests("POST", "/api/articles/batch")).hasSize(3);
    assertThat(report.failed()).hasSize(2).allSatisfy(p ->
        assertThat(p.message()).isEqualTo("gave up after 3 tries: HTTP 503: Kafka is unavailable"));
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void a413SplitsTheChunkInHalvesAndASingleTooLargeArticleIsRefused() throws Exception {
    Path file = jsonl("h.jsonl", 4);
    // anything holding article 3 is "too large"
    ingest.batch = (r, n) -> r.body().contains("\"title 3\"")
        ? new FakeIngest.Answer(413, "{\"error\":\"Batch too large\",\"details\":[\"at most 16 MiB\"]}", null)
        : FakeIngest.acceptAll(r);

    SubmitReport report = run(options(List.of(file), false).build());

    assertThat(ingest.requests("POST", "/api/articles/batch").stream().map(r -> r.lines().size()).toList())
        .containsExactly(4, 2, 2, 1, 1);
    assertThat(report.accepted()).hasSize(3);
    assertThat(report.refused()).extracting(Problem::toString)
        .containsExactly(file + ":3: too large: at most 16 MiB");
  }

  @Test
  void anAnswerMissingALineSendsThatLineAgainAndAJsonArrayAnswerIsReadToo() throws Exception {
    Path file = jsonl("r.jsonl", 2);
    ingest.batch = (r, n) -> n == 1
        ? new FakeIngest.Answer(200, "[" + FakeIngest.lineAnswer(1, r.lines().get(0)) + "]", null)
        : FakeIngest.acceptAll(r);

    SubmitReport report = run(options(List.of(file), false).build());

    List<FakeIngest.Request> batches = ingest.requests("POST", "/api/articles/batch");
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1).lines()).containsExactly(article(2));
    assertThat(report.accepted()).hasSize(2);
    assertThat(slept).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aTooLargeLineIsRefusedAndNotSentAgain() throws Exception {
    Path file = jsonl("i.jsonl", 2);
    ingest.batch = (r, n) -> new FakeIngest.Answer(200, FakeIngest.lineAnswer(1, r.lines().get(0)) + "\n"
        + "{\"line\":2,\"status\":\"too_large\",\"error\":\"the article is over 2 MB\"}\n", null);

    SubmitReport report = run(options(List.of(file), false).build());

    assertThat(ingest.requests("POST", "/api/articles/batch")).hasSize(1);
    assertThat(report.refused()).extracting(Problem::message).containsExactly("the article is over 2 MB");
  }

  @Test
  void aRefusedTokenStopsEverythingAtOnce() throws Exception {
    Path file = jsonl("j.jsonl", 30);
    SubmitOptions options = options(List.of(file), true).batchSize(5).concurrency(1).token("wrong").build();

    SubmitReport report = run(options);

    assertThat(ingest.requests("POST", "/api/articles/batch")).hasSize(1);
    assertThat(ingest.requests("GET", "/api/articles/")).isEmpty();
    assertThat(report.fatal()).startsWith("the submit token was refused (HTTP 401: Missing or wrong token)");
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void requestsStayUnderTheByteLimit() throws Exception {
    Path file = jsonl("k.jsonl", 10);
    long oneLine = Files.readAllLines(file).get(0).getBytes(StandardCharsets.UTF_8).length + 1;

    run(options(List.of(file), false).maxRequestBytes(oneLine * 3 + 2).build());

    assertThat(ingest.requests("POST", "/api/articles/batch").stream().map(r -> r.lines().size()).sorted().toList())
        .containsExactly(1, 3, 3, 3);
  }

  @Test
  void aJsonArrayIsSentElementByElementWithTheLineEachStartsOn() throws Exception {
    Path file = dir.resolve("l.json");
    Files.writeString(file, "[\n  {\"title\": \"one\", \"body\": \"b\"},\n  {\"title\": \"\",\n   \"body\": \"b\"}\n]\n");

    SubmitReport report = run(options(List.of(file), false).build());

    assertThat(ingest.requests("POST", "/api/articles/batch")).singleElement().satisfies(r ->
        assertThat(r.lines()).containsExactly("{\"title\":\"one\",\"body\":\"b\"}", "{\"title\":\"\",\"body\":\"b\"}"));
    assertThat(report.accepted()).extracting(a -> a.origin().line()).containsExactly(2);
    assertThat(report.refused()).extracting(Problem::toString).containsExactly(file + ":3: title: must not be blank");
  }

  @Test
  void waitsUntilEachAcceptedArticleIsIndexedPollingOnlyThoseStillProcessing() throws Exception {
    Path file = jsonl("m.jsonl", 3);
    String slow = FakeIngest.idOf("title 2");
    ingest.status = (r, n) -> r.path().startsWith("/api/articles/" + slow) && n < 6
        ? new FakeIngest.Answer(200, "{\"status\":\"processing\"}", null)
        : new FakeIngest.Answer(200, "{\"status\":\"indexed\"}", null);

    SubmitReport report = run(options(List.of(file), true).build());

    List<FakeIngest.Request> polls = ingest.requests("GET", "/api/articles/");
    assertThat(polls.stream().filter(r -> !r.path().startsWith("/api/articles/" + slow))).hasSize(2);
    assertThat(polls.stream().filter(r -> r.path().startsWith("/api/articles/" + slow)).count()).isGreaterThan(1);
    assertThat(polls).allSatisfy(r -> assertThat(r.path()).endsWith("?revision=1000"));
    assertThat(report.searchable()).isEqualTo(3);
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void aFailedArticleIsReportedWithItsStageAndReason() throws Exception {
    Path file = jsonl("n.jsonl", 2);
    String bad = FakeIngest.idOf("title 1");
    ingest.status = (r, n) -> r.path().startsWith("/api/articles/" + bad)
        ? new FakeIngest.Answer(200, "{\"status\":\"failed\",\"failure\":{\"stage\":\"enrich\","
            + "\"reason\":\"segmentation blew up\"}}", null)
        : new FakeIngest.Answer(200, "{\"status\":\"indexed\"}", null);

    SubmitReport report = run(options(List.of(file), true).build());

    assertThat(report.failedInPipeline()).extracting(Problem::toString)
        .containsExactly(file + ":1: " + bad + ": failed at enrich: segmentation blew up");
    assertThat(report.searchable()).isEqualTo(1);
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void stopsWaitingAfterTheTimeoutSayingHowManyAreStillProcessing() throws Exception {
    Path file = jsonl("o.jsonl", 2);
    ingest.status = (r, n) -> new FakeIngest.Answer(200, "{\"status\":\"processing\"}", null);

    SubmitReport report = run(options(List.of(file), true).waitTimeout(Duration.ofMillis(300)).build());

    assertThat(report.stillProcessing()).isEqualTo(2);
    assertThat(report.exitCode()).isEqualTo(1);
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("still processing 2 when the wait ended");
  }

  @Test
  void theStatusIsPolledWhereTheAnswerSaysWithTheToken() throws Exception {
    Path file = jsonl("s.jsonl", 2);
    try (FakeIngest index = new FakeIngest()) {
      // ingest names the status on another service (the index service); nothing is polled at ingest
      ingest.batch = (r, n) -> new FakeIngest.Answer(200, FakeIngest.acceptAll(r).body()
          .replace(FakeIngest.BASE, index.url()), null);
      index.status = (r, n) -> new FakeIngest.Answer(200, "{\"status\":\"indexed\"}", null);

      SubmitReport report = run(options(List.of(file), true).build());

      assertThat(ingest.requests("GET", "/")).isEmpty();
      assertThat(index.requests("GET", "/api/articles/")).extracting(FakeIngest.Request::path).containsExactlyInAnyOrder(
          "/api/articles/" + FakeIngest.idOf("title 1") + "/status?revision=1000",
          "/api/articles/" + FakeIngest.idOf("title 2") + "/status?revision=1000");
      assertThat(index.requests("GET", "/")).allSatisfy(r ->
          assertThat(r.authorization()).isEqualTo("Bearer " + FakeIngest.TOKEN));
      assertThat(report.searchable()).isEqualTo(2);
      assertThat(report.exitCode()).isZero();
    }
  }

  @Test
  void anAnswerWithoutAStatusUrlStopsTheWaitSayingSo() throws Exception {
    Path file = jsonl("t.jsonl", 1);
    ingest.batch = (r, n) -> new FakeIngest.Answer(200, FakeIngest.acceptAll(r).body()
        .replaceAll(",\"statusUrl\":\"[^\"]*\"", ""), null);

    SubmitReport report = run(options(List.of(file), true).build());

    assertThat(report.fatal()).contains("named no statusUrl").contains("--no-wait");
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void aPastedPageIsPostedAloneAsTextAndToldWhereItIsSearchable() throws Exception {
    Path page = dir.resolve("page.txt");
    Files.writeString(page, "标题\n\n正文。");

    SubmitReport report = run(options(List.of(page), true).readerUrl("http://reader:8083").build());

    assertThat(ingest.requests("POST", "/api/articles")).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/api/articles");
      assertThat(r.contentType()).isEqualTo("text/plain; charset=utf-8");
      assertThat(r.body()).isEqualTo("标题\n\n正文。");
    });
    assertThat(ingest.requests("GET", "/api/articles/")).singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/api/articles/p-1/status?revision=7"));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("p-1: indexed, searchable at http://reader:8083/#/article/p-1");
    assertThat(report.exitCode()).isZero();
  }

  @Test
  void aRefusedPageIsReportedWithTheFields() throws Exception {
    Path page = dir.resolve("empty.html");
    Files.writeString(page, " ");
    ingest.page = (r, n) -> new FakeIngest.Answer(400,
        "{\"error\":\"Invalid article\",\"details\":[{\"field\":\"body\",\"message\":\"must not be blank\"}]}", null);

    SubmitReport report = run(options(List.of(page), true).build());

    assertThat(report.refused()).extracting(Problem::toString).containsExactly(page + ": body: must not be blank");
    assertThat(report.exitCode()).isEqualTo(1);
  }

  @Test
  void aDirectoryIsWalkedInPathOrderSkippingOtherFiles() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Files.writeString(sub.resolve("b.jsonl"), article(2) + "\n");
    Files.writeString(dir.resolve("a.json"), article(1));
    Files.writeString(dir.resolve("notes.md"), "# not an article");
    Files.writeString(dir.resolve("c.ndjson"), article(3) + "\n");

    SubmitReport report = run(options(List.of(dir), false).concurrency(1).batchSize(1).build());

    assertThat(ingest.requests("POST", "/api/articles/batch").stream().map(FakeIngest.Request::body).toList())
        .containsExactly("{\"title\":\"title 1\",\"body\":\"body 1\"}\n", article(3) + "\n", article(2) + "\n");
    assertThat(report.skippedFiles()).isEqualTo(1);
    assertThat(report.articles()).isEqualTo(3);
  }

  @Test
  void aMissingPathIsAUsageErrorBeforeAnythingIsSent() throws Exception {
    Path file = jsonl("p.jsonl", 2);
    SubmitOptions options = options(List.of(file, dir.resolve("missing.jsonl")), false).build();

    assertThatThrownBy(() -> run(options)).isInstanceOf(UsageException.class)
        .hasMessage(dir.resolve("missing.jsonl") + ": no such file or directory");
    assertThat(ingest.requests).isEmpty();
  }

  @Test
  void theSummaryListsTwentyProblemsThenHowManyMore() throws Exception {
    Path file = dir.resolve("q.jsonl");
    Files.writeString(file, IntStream.rangeClosed(1, 25).mapToObj(i -> "{\"title\":\"\",\"body\":\"x\"}")
        .collect(Collectors.joining("\n")));

    SubmitReport report = run(options(List.of(file), false).build());
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));

    String summary = out.toString(StandardCharsets.UTF_8);
    assertThat(summary).contains(file + ":20: title", "  and 5 more").doesNotContain(file + ":21:");
    assertThat(summary).contains("accepted       0 of 25 articles");
  }

  // ------------------------------------------------------------------ helpers

  private SubmitReport run(SubmitOptions options) throws InterruptedException {
    return new SubmitCommand(options, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), slept::add, Duration.ofMillis(20)).run();
  }

  private Path jsonl(String name, int n) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, IntStream.rangeClosed(1, n).mapToObj(SubmitCommandTest::article)
        .collect(Collectors.joining("\n", "", "\n")));
    return file;
  }

  static String article(int i) {
    return "{\"title\":\"title " + i + "\",\"body\":\"body " + i + "\"}";
  }

  private OptionsBuilder options(List<Path> paths, boolean wait) {
    return new OptionsBuilder(paths, wait, ingest.url());
  }

  /** SubmitOptions with test defaults, changed one field at a time. */
  static final class OptionsBuilder {
    private final List<Path> paths;
    private final boolean wait;
    private final String url;
    private int concurrency = 4;
    private int batchSize = 500;
    private long maxRequestBytes = SubmitOptions.DEFAULT_MAX_REQUEST_BYTES;
    private String token = FakeIngest.TOKEN;
    private String readerUrl;
    private Duration waitTimeout = Duration.ofSeconds(10);
    private int maxTries = 10;

    OptionsBuilder(List<Path> paths, boolean wait, String url) {
      this.paths = paths;
      this.wait = wait;
      this.url = url;
    }

    OptionsBuilder concurrency(int n) {
      concurrency = n;
      return this;
    }

    OptionsBuilder batchSize(int n) {
      batchSize = n;
      return this;
    }

    OptionsBuilder maxRequestBytes(long n) {
      maxRequestBytes = n;
      return this;
    }

    OptionsBuilder token(String t) {
      token = t;
      return this;
    }

    OptionsBuilder readerUrl(String u) {
      readerUrl = u;
      return this;
    }

    OptionsBuilder waitTimeout(Duration d) {
      waitTimeout = d;
      return this;
    }

    OptionsBuilder maxTries(int n) {
      maxTries = n;
      return this;
    }

    SubmitOptions build() {
      return new SubmitOptions(paths, wait, concurrency, batchSize, maxRequestBytes, url, token, readerUrl,
          waitTimeout, ProgressMode.NONE, maxTries);
    }
  }
}
