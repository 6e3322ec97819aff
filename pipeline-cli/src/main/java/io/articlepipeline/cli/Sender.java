package io.articlepipeline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends one chunk of articles (or one pasted page) until each has an outcome, retrying as the
 * ingest API tells clients to:
 * <ul>
 *   <li>a line answered {@code unavailable}: sent again after its {@code retryAfter};</li>
 *   <li>a whole request answered 503 or 429 (or another 5xx): again after {@code Retry-After};</li>
 *   <li>a lost connection or a timeout: the outcome is unknown, so the same lines go again; the ids
 *       are derived from the content, so a line that did get through is replaced, not doubled;</li>
 *   <li>413: the chunk is split in halves, each sent on its own; a single article is refused;</li>
 *   <li>401/403: the whole submission stops.</li>
 * </ul>
 * After {@code maxTries} requests for the same lines they are reported as failed.
 */
final class Sender {

  private static final Duration MAX_WAIT = Duration.ofSeconds(120);
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

  private final IngestClient client;
  private final ObjectMapper json;
  private final Tally tally;
  private final Sleeper sleeper;
  private final int maxTries;

  Sender(IngestClient client, ObjectMapper json, Tally tally, Sleeper sleeper, int maxTries) {
    this.client = client;
    this.json = json;
    this.tally = tally;
    this.sleeper = sleeper;
    this.maxTries = maxTries;
  }

  /** Sends the chunk through the batch API until every article in it has an outcome. */
  void sendChunk(List<Article> chunk) throws InterruptedException {
    // halves of a chunk answered 413 wait here, first half on top, so the order is kept
    Deque<List<Article>> parts = new ArrayDeque<>();
    parts.push(chunk);
    while (!parts.isEmpty() && !tally.stopped()) {
      List<Article> part = parts.pop();
      List<List<Article>> halves = sendPart(part);
      for (int i = halves.size() - 1; i >= 0; i--) {
        parts.push(halves.get(i));
      }
    }
  }

  /** Sends until done; answers the two halves when the part was too large as a whole. */
  private List<List<Article>> sendPart(List<Article> part) throws InterruptedException {
    List<Article> pending = part;
    String lastError = "";
    for (int tries = 1; !pending.isEmpty(); tries++) {
      if (tally.stopped()) {
        return List.of();
      }
      if (tries > maxTries) {
        String reason = "gave up after " + maxTries + " tries: " + lastError;
        pending.forEach(a -> tally.failed(new Problem(a.origin(), reason)));
        return List.of();
      }
      IngestClient.Response response;
      try {
        response = client.postBatch(pending);
      } catch (IOException e) {
        lastError = "no answer (" + describe(e) + ")";
        pause(tries, backoff(tries));
        continue;
      }
      int status = response.status();
      JsonNode answer = status == 200 ? null : ApiAnswers.tree(json, response.body());
      if (status == 200) {
        LineOutcomes outcomes = lineOutcomes(pending, response.body());
        pending = outcomes.retry;
        if (!pending.isEmpty()) {
          lastError = outcomes.error;
          pause(tries, outcomes.retryAfter.orElse(backoff(tries)));
        }
      } else if (status == 413 && pending.size() > 1) {
        int half = pending.size() / 2;
        return List.of(pending.subList(0, half), pending.subList(half, pending.size()));
      } else if (status == 413) {
        tally.refused(new Problem(pending.get(0).origin(),
            "too large: " + ApiAnswers.describe(answer, "the service refused the article's size")));
        return List.of();
      } else if (status == 401 || status == 403) {
        tally.fatal(tokenRefused(status, answer));
        return List.of();
      } else if (status == 429 || status >= 500) {
        lastError = "HTTP " + status + ": " + ApiAnswers.describe(answer, "no reason given");
        pause(tries, response.retryAfter().orElse(status == 429 || status == 503 ? DEFAULT_RETRY_AFTER
            : backoff(tries)));
      } else {
        // 400, 415, ...: the request itself is wrong, sending it again would not help
        String reason = "HTTP " + status + ": " + ApiAnswers.describe(answer, "the request was refused");
        pending.forEach(a -> tally.failed(new Problem(a.origin(), reason)));
        return List.of();
      }
    }
    return List.of();
  }

  /** What a 200 said line by line; lines it did not mention count as unknown, to send again. */
  private LineOutcomes lineOutcomes(List<Article> sent, String body) {
    JsonNode[] byLine = new JsonNode[sent.size()];
    for (JsonNode result : results(body)) {
      if (!result.isObject()) {
        continue;
      }
      int n = result.path("line").asInt(0);
      if (n >= 1 && n <= sent.size()) {
        byLine[n - 1] = result;
      }
    }
    LineOutcomes out = new LineOutcomes();
    for (int i = 0; i < sent.size(); i++) {
      Article article = sent.get(i);
      JsonNode result = byLine[i];
      String status = result == null ? "" : result.path("status").asString("");
      switch (status) {
        case "accepted":
          tally.accepted(new Accepted(result.path("id").asString(""), result.path("revision").asLong(),
              article.origin(), false, result.path("statusUrl").asString("")));
          break;
        case "invalid":
        case "too_large":
          tally.refused(new Problem(article.origin(), ApiAnswers.describe(result, status)));
          break;
        case "unavailable":
          out.retry.add(article);
          out.error = "unavailable: " + result.path("error").asString("no reason given");
          long seconds = result.path("retryAfter").asLong(-1);
          if (seconds >= 0) {
            Duration d = Duration.ofSeconds(seconds);
            out.retryAfter = Optional.of(out.retryAfter.map(r -> r.compareTo(d) >= 0 ? r : d).orElse(d));
          }
          break;
        default:
          out.retry.add(article);
          out.error = result == null ? "the answer had no line for it" : "unknown line status '" + status + "'";
      }
    }
    return out;
  }

  /** The answer's lines: NDJSON as agreed; a JSON array of the same objects is read too. */
  private List<JsonNode> results(String body) {
    List<JsonNode> out = new ArrayList<>();
    if (body == null) {
      return out;
    }
    if (body.stripLeading().startsWith("[")) {
      JsonNode array = ApiAnswers.tree(json, body);
      if (array != null) {
        array.forEach(out::add);
      }
      return out;
    }
    for (String line : body.split("\n")) {
      JsonNode result = ApiAnswers.tree(json, line);
      if (result != null) {
        out.add(result);
      }
    }
    return out;
  }

  /** Sends a pasted page as text/plain until it has an outcome. */
  void sendPage(Path file) throws InterruptedException {
    Provenance origin = new Provenance(file, 0);
    String page;
    try {
      page = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      tally.failed(new Problem(origin, "cannot read it: " + describe(e)));
      return;
    }
    String lastError = "";
    for (int tries = 1; tries <= maxTries; tries++) {
      if (tally.stopped()) {
        return;
      }
      IngestClient.Response response;
      try {
        response = client.postPage(page);
      } catch (IOException e) {
        lastError = "no answer (" + describe(e) + ")";
        pause(tries, backoff(tries));
        continue;
      }
      int status = response.status();
      JsonNode answer = ApiAnswers.tree(json, response.body());
      if (status == 202 || status == 200) {
        tally.accepted(new Accepted(answer == null ? "" : answer.path("id").asString(""),
            answer == null ? 0 : answer.path("revision").asLong(), origin, true,
            answer == null ? "" : answer.path("statusUrl").asString("")));
        return;
      } else if (status == 401 || status == 403) {
        tally.fatal(tokenRefused(status, answer));
        return;
      } else if (status == 429 || status >= 500) {
        lastError = "HTTP " + status + ": " + ApiAnswers.describe(answer, "no reason given");
        pause(tries, response.retryAfter().orElse(status == 429 || status == 503 ? DEFAULT_RETRY_AFTER
            : backoff(tries)));
      } else {
        String why = ApiAnswers.describe(answer, "HTTP " + status);
        tally.refused(new Problem(origin, status == 413 ? "too large: " + why : why));
        return;
      }
    }
    tally.failed(new Problem(origin, "gave up after " + maxTries + " tries: " + lastError));
  }

  static String tokenRefused(int status, JsonNode answer) {
    return "the submit token was refused (HTTP " + status + ": "
        + ApiAnswers.describe(answer, status == 401 ? "unauthorized" : "forbidden")
        + "); check submit.token in .pipeline/credentials.properties or SUBMIT_TOKEN";
  }

  /** 1, 2, 4, ... 30 s: a restarting service gets time to come back. */
  static Duration backoff(int tries) {
    return Duration.ofSeconds(Math.min(30, 1L << Math.min(tries - 1, 5)));
  }

  /** Waits before the next try; after the last one there is nothing to wait for. */
  private void pause(int tries, Duration wait) throws InterruptedException {
    if (tries < maxTries) {
      sleeper.sleep(cap(wait));
    }
  }

  private static Duration cap(Duration d) {
    return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
  }

  /** The exception with the first message in its causes: HttpClient's ConnectException has none. */
  private static String describe(IOException e) {
    String m = null;
    for (Throwable t = e; t != null && (m == null || m.isBlank()); t = t.getCause()) {
      m = t.getMessage();
    }
    if (e instanceof java.net.ConnectException && (m == null || m.isBlank())) {
      m = "cannot connect: is the ingest service up?";
    }
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  private static final class LineOutcomes {
    final List<Article> retry = new ArrayList<>();
    Optional<Duration> retryAfter = Optional.empty();
    String error = "";
  }
}
