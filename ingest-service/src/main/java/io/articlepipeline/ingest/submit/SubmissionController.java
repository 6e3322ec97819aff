package io.articlepipeline.ingest.submit;

import io.articlepipeline.ingest.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/articles}: JSON or a pasted page in, 202 with the id, revision and the URL of
 * its status (the index service's, {@code statusUrl} and {@code Location}) out.
 */
@RestController
class SubmissionController {

  /** NDJSON, the batch API's request and answer format. */
  static final String NDJSON = "application/x-ndjson";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SubmissionParser parser;
  private final BatchParser batchParser;
  private final SubmissionService service;
  private final ArticlePublisher publisher;
  private final MeterRegistry meters;
  private final IngestProperties properties;

  SubmissionController(IngestProperties properties, ArticlePublisher publisher, MeterRegistry meters) {
    this.properties = properties;
    this.parser = new SubmissionParser(properties.getMaxTitleChars());
    this.batchParser = new BatchParser(parser, properties.getBatchMaxArticles());
    this.service = new SubmissionService(publisher, Clock.systemUTC());
    this.publisher = publisher;
    this.meters = meters;
  }

  @PostMapping(path = "/api/articles", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> submitJson(@RequestBody String json) {
    return accepted(counted(() -> parser.parseJson(json)));
  }

  @PostMapping(path = "/api/articles", consumes = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<Map<String, Object>> submitPage(@RequestBody String page,
                                                 @RequestParam Map<String, String> params) {
    return accepted(counted(() -> parser.parsePage(page, params)));
  }

  /**
   * {@code POST /api/articles/batch}: many articles in one request (NDJSON, or a JSON array), one
   * answer line per article in order, given once Kafka acknowledged every accepted one. A bad line
   * is answered {@code invalid} and the others go on; a line the broker or registry could not take
   * is {@code unavailable} with {@code retryAfter} (send it again); if no line could be stored for
   * that reason the whole answer is a 503 with {@code Retry-After}.
   */
  @PostMapping(path = "/api/articles/batch", consumes = {NDJSON, MediaType.APPLICATION_JSON_VALUE})
  ResponseEntity<String> submitBatch(@RequestBody String body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
    List<BatchParser.Item> items = MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
        ? batchParser.parseArray(body) : batchParser.parseNdjson(body);
    meters.counter("pipeline.records.in", "stage", "ingest").increment(items.size());
    List<Submission> valid = new ArrayList<>();
    for (BatchParser.Item item : items) {
      if (item.submission() != null) {
        valid.add(item.submission());
      } else {
        meters.counter("pipeline.records.failed", "stage", "ingest", "reason", "invalid").increment();
      }
    }
    List<SubmissionService.Outcome> outcomes = valid.isEmpty() ? List.of()
        : meters.timer("pipeline.ingest.publish.duration").record(() -> service.acceptAll(valid));
    StringBuilder answer = new StringBuilder();
    int next = 0;
    int accepted = 0;
    int unavailable = 0;
    ArticlePublisher.PublishException firstFailure = null;
    for (BatchParser.Item item : items) {
      ObjectNode line = JSON.createObjectNode().put("line", item.line());
      if (item.invalid() != null) {
        line.put("status", "invalid").put("error", item.invalid().getMessage());
        line.set("details", JSON.valueToTree(item.invalid().errors()));
      } else {
        SubmissionService.Outcome outcome = outcomes.get(next++);
        if (outcome.accepted() != null) {
          accepted++;
          line.put("status", "accepted").put("id", outcome.accepted().id())
              .put("revision", outcome.accepted().revision()).put("title", item.submission().title())
              .put("statusUrl", properties.statusUrlOf(outcome.accepted().id(), outcome.accepted().revision()));
        } else if (outcome.failure() instanceof ArticlePublisher.TooLargeException tooLarge) {
          line.put("status", "too_large").put("error", tooLarge.getMessage());
        } else {
          unavailable++;
          firstFailure = firstFailure == null ? outcome.failure() : firstFailure;
          line.put("status", "unavailable").put("error", outcome.failure().getMessage())
              .put("retryAfter", RETRY_AFTER_SECONDS);
        }
      }
      answer.append(line).append('\n');
    }
    meters.counter("pipeline.records.out", "stage", "ingest", "kind", "article").increment(accepted);
    if (unavailable > 0) {
      meters.counter("pipeline.records.failed", "stage", "ingest", "reason", "broker").increment(unavailable);
      if (accepted == 0) {
        // nothing stored because the broker or registry is away: a 503 every client knows to retry
        String why = "None of the " + unavailable + " articles was stored: " + firstFailure.getMessage();
        throw firstFailure instanceof ArticlePublisher.RegistryUnavailableException
            ? new ArticlePublisher.RegistryUnavailableException(why, firstFailure)
            : new ArticlePublisher.PublishException(why, firstFailure);
      }
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(answer.toString());
  }

  /** Seconds a client should wait before sending an unavailable article again (as the 503s say). */
  static final int RETRY_AFTER_SECONDS = 5;

  @DeleteMapping("/api/articles/{id}")
  ResponseEntity<Map<String, Object>> retract(@PathVariable String id) {
    publisher.retract(SubmissionParser.checkId(id));
    meters.counter("pipeline.records.out", "stage", "ingest", "kind", "tombstone").increment();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "status", "retracted"));
  }

  private Submission counted(java.util.function.Supplier<Submission> parse) {
    meters.counter("pipeline.records.in", "stage", "ingest").increment();
    try {
      return parse.get();
    } catch (InvalidSubmissionException e) {
      meters.counter("pipeline.records.failed", "stage", "ingest", "reason", "invalid").increment();
      throw e;
    }
  }

  private ResponseEntity<Map<String, Object>> accepted(Submission submission) {
    SubmissionService.Accepted accepted;
    try {
      accepted = meters.timer("pipeline.ingest.publish.duration").record(() -> service.accept(submission));
    } catch (ArticlePublisher.PublishException e) {
      meters.counter("pipeline.records.failed", "stage", "ingest", "reason", "broker").increment();
      throw e;
    }
    meters.counter("pipeline.records.out", "stage", "ingest", "kind", "article").increment();
    String statusUrl = properties.statusUrlOf(accepted.id(), accepted.revision());
    return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, statusUrl)
        .body(Map.of("id", accepted.id(), "revision", accepted.revision(), "status", "accepted",
            "title", submission.title(), "statusUrl", statusUrl));
  }
}
