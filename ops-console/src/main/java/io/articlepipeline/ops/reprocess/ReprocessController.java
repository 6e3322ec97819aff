package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.reprocess.GroupRewinder.GroupActiveException;
import io.articlepipeline.ops.reprocess.GroupRewinder.NothingToRewindException;
import io.articlepipeline.web.Problem;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reprocessing: {@code POST /api/ops/reprocess} rewinds the enrich stage to the start of
 * articles.submitted; {@code GET /api/ops/reprocess} shows how far it has come.
 */
@RestController
public class ReprocessController {

  private final ReprocessService reprocess;

  public ReprocessController(ReprocessService reprocess) {
    this.reprocess = reprocess;
  }

  /**
   * 202 with the progress once the offsets are moved; 409 when the stage is running and
   * {@code force} is not set.
   */
  @PostMapping("/api/ops/reprocess")
  public ResponseEntity<ReprocessProgress> start(
      @RequestParam(name = "force", defaultValue = "false") boolean force) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(reprocess.start(force));
  }

  @GetMapping("/api/ops/reprocess")
  public ReprocessProgress progress() {
    return reprocess.progress();
  }

  @ExceptionHandler(GroupActiveException.class)
  ResponseEntity<Map<String, Object>> active(GroupActiveException e) {
    List<String> details = new ArrayList<>(e.members());
    details.add("stop the stage (e.g. ./pipeline stop enrich), call POST /api/ops/reprocess, then"
        + " start it again; or call POST /api/ops/reprocess?force=true to remove the members and"
        + " rewind while it runs (they rejoin and read from the start)");
    return Problem.of(HttpStatus.CONFLICT, e.getMessage(), details).toResponseEntity();
  }

  @ExceptionHandler(NothingToRewindException.class)
  ResponseEntity<Map<String, Object>> nothing(NothingToRewindException e) {
    return Problem.of(HttpStatus.CONFLICT, e.getMessage(), List.of()).toResponseEntity();
  }
}
