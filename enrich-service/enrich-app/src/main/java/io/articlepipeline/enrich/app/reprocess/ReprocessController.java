package io.articlepipeline.enrich.app.reprocess;

import io.articlepipeline.web.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reprocessing beside the live stage, for operators (ops token, as every path of this service but
 * health; the ops console's {@code POST /api/ops/reprocess} calls it):
 * {@code POST /api/enrich/reprocess} enriches again every article the topic holds, or with
 * {@code ?since=} (an instant with its offset, {@code 2026-12-01T08:00:00Z}) those written from then
 * on; {@code GET /api/enrich/reprocess} shows where it stands ({@link Reprocessor.Status}).
 */
@RestController
public class ReprocessController {

  private final Reprocessor reprocessor;

  public ReprocessController(Reprocessor reprocessor) {
    this.reprocessor = reprocessor;
  }

  /** 202 with the status (phase scanning); 400 for a since it cannot read; 409 while one runs or without the topic. */
  @PostMapping("/api/enrich/reprocess")
  public ResponseEntity<Reprocessor.Status> start(@RequestParam(required = false) String since) {
    Instant from = null;
    if (since != null && !since.isBlank()) {
      try {
        from = Instant.parse(since.strip());
      } catch (DateTimeParseException e) {
        throw new BadSinceException(since);
      }
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(reprocessor.start(from));
  }

  @GetMapping("/api/enrich/reprocess")
  public Reprocessor.Status status() {
    return reprocessor.status();
  }

  @ExceptionHandler({Reprocessor.RunningException.class, Reprocessor.NoTopicException.class})
  ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
    return Problem.of(HttpStatus.CONFLICT, e.getMessage(), List.of()).toResponseEntity();
  }

  @ExceptionHandler(BadSinceException.class)
  ResponseEntity<Map<String, Object>> badSince(BadSinceException e) {
    return Problem.of(HttpStatus.BAD_REQUEST, e.getMessage(), List.of("since: an instant with its offset,"
        + " e.g. 2026-12-01T08:00:00Z")).toResponseEntity();
  }

  @ExceptionHandler(org.apache.kafka.common.errors.TimeoutException.class)
  ResponseEntity<Map<String, Object>> kafkaDown(RuntimeException e) {
    return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not answer while planning the reprocess: "
        + e.getMessage(), List.of()).toResponseEntity();
  }

  /** A since that is not an instant. */
  static final class BadSinceException extends RuntimeException {
    BadSinceException(String since) {
      super("since '" + since + "' is not an instant with its offset (2026-12-01T08:00:00Z)");
    }
  }
}
