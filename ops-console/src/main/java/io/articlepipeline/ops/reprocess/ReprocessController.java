package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.reprocess.GroupRewinder.NothingToRewindException;
import io.articlepipeline.ops.reprocess.ReprocessService.ReprocessRunningException;
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

/**
 * Reprocessing: {@code POST /api/ops/reprocess} starts one (the enrich stage's input binding is
 * stopped, its group rewound to the start of articles.submitted, the binding started again);
 * {@code ?since=} reprocesses only what was written from then on ({@link Since}: an instant, a
 * day, or a duration back from now), so that new articles wait behind less;
 * {@code GET /api/ops/reprocess} shows its phase and how far it has come.
 */
@RestController
public class ReprocessController {

  private final ReprocessService reprocess;
  private final Clock clock;

  public ReprocessController(ReprocessService reprocess, Clock clock) {
    this.reprocess = reprocess;
    this.clock = clock;
  }

  /** 202 with the status (phase stopping); 409 while another one runs or without the topic; 400 for a bad since. */
  @PostMapping("/api/ops/reprocess")
  public ResponseEntity<ReprocessProgress> start(@RequestParam(required = false) String since) {
    Instant from = since == null || since.isBlank() ? null : Since.parse(since, clock);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(reprocess.start(from));
  }

  @GetMapping("/api/ops/reprocess")
  public ReprocessProgress progress() {
    return reprocess.progress();
  }

  @ExceptionHandler(ReprocessRunningException.class)
  ResponseEntity<Map<String, Object>> running(ReprocessRunningException e) {
    return Problem.of(HttpStatus.CONFLICT, e.getMessage(), List.of()).toResponseEntity();
  }

  @ExceptionHandler(Since.InvalidSinceException.class)
  ResponseEntity<Map<String, Object>> badSince(Since.InvalidSinceException e) {
    return Problem.of(HttpStatus.BAD_REQUEST, e.getMessage(), List.of()).toResponseEntity();
  }

  @ExceptionHandler(NothingToRewindException.class)
  ResponseEntity<Map<String, Object>> nothing(NothingToRewindException e) {
    return Problem.of(HttpStatus.CONFLICT, e.getMessage(), List.of()).toResponseEntity();
  }
}
