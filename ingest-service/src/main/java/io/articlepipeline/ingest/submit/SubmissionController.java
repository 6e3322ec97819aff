package io.articlepipeline.ingest.submit;

import io.articlepipeline.ingest.IngestProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/articles}: JSON or a pasted page in, 202 with the id and revision out. */
@RestController
class SubmissionController {

  private final SubmissionParser parser;
  private final SubmissionService service;
  private final ArticlePublisher publisher;
  private final MeterRegistry meters;

  SubmissionController(IngestProperties properties, ArticlePublisher publisher, MeterRegistry meters) {
    this.parser = new SubmissionParser(properties.getMaxTitleChars());
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
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(Map.of("id", accepted.id(), "revision", accepted.revision(), "status", "accepted",
            "title", submission.title()));
  }
}
