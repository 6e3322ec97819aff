package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.web.Problem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Reprocessing: {@code POST /api/ops/reprocess} has the enrich service enrich every article again
 * beside its live stage, which goes on with new articles meanwhile; {@code ?since=} only those
 * written from then on ({@link Since}: an instant, a day, or a duration back from now);
 * {@code GET /api/ops/reprocess} shows its phase and how far it has come (the enrich service's
 * status, passed on).
 */
@RestController
public class ReprocessController {

  private final ReprocessService reprocess;
  private final Clock clock;

  public ReprocessController(ReprocessService reprocess, Clock clock) {
    this.reprocess = reprocess;
    this.clock = clock;
  }

  /** 202 with the status (phase scanning); 400 for a bad since; the service's 409 while one runs or without the topic. */
  @PostMapping("/api/ops/reprocess")
  public ResponseEntity<JsonNode> start(@RequestParam(required = false) String since) {
    Instant from = since == null || since.isBlank() ? null : Since.parse(since, clock);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(reprocess.start(from));
  }

  @GetMapping("/api/ops/reprocess")
  public JsonNode progress() {
    return reprocess.progress();
  }

  @ExceptionHandler(Since.InvalidSinceException.class)
  ResponseEntity<Map<String, Object>> badSince(Since.InvalidSinceException e) {
    return Problem.of(HttpStatus.BAD_REQUEST, e.getMessage(), List.of()).toResponseEntity();
  }

  /** The service's refusal as it gave it (409: one under way), any other error of it as a 502. */
  @ExceptionHandler(ReprocessService.StageAnswerException.class)
  ResponseEntity<Map<String, Object>> refused(ReprocessService.StageAnswerException e) {
    HttpStatus status = e.status() == 409 || e.status() == 400 ? HttpStatus.valueOf(e.status()) : HttpStatus.BAD_GATEWAY;
    return Problem.of(status, e.getMessage(), List.of()).toResponseEntity();
  }

  @ExceptionHandler(JsonHttp.UnreachableException.class)
  ResponseEntity<Map<String, Object>> unreachable(JsonHttp.UnreachableException e) {
    return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "The enrich service, which reprocesses, did not answer: "
        + e.getMessage(), List.of()).toResponseEntity();
  }
}
