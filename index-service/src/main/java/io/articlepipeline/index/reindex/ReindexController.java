package io.articlepipeline.index.reindex;

import io.articlepipeline.index.IndexProperties;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/reindex} starts a rebuild (202, or 409 if one runs; {@code ?wait=true}
 * answers when it is done: 200 or 500 with the status); {@code GET /api/admin/reindex} reports it.
 * Both need the ops token.
 */
@RestController
public class ReindexController {

  private static final Logger log = LoggerFactory.getLogger(ReindexController.class);
  private static final Duration MAX_WAIT = Duration.ofMinutes(30);

  private final Reindexer reindexer;
  private final IndexProperties props;

  public ReindexController(Reindexer reindexer, IndexProperties props) {
    this.reindexer = reindexer;
    this.props = props;
  }

  @PostMapping("/api/admin/reindex")
  public ResponseEntity<?> start(@RequestHeader(name = "Authorization", required = false) String auth,
                                 @RequestParam(defaultValue = "false") boolean wait) throws InterruptedException {
    ResponseEntity<?> denied = authorize(auth);
    if (denied != null) {
      return denied;
    }
    if (!reindexer.claim()) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "a rebuild is already running",
          "details", List.of("phase: " + reindexer.status().phase()), "status", reindexer.status()));
    }
    CompletableFuture<ReindexStatus> run = CompletableFuture.supplyAsync(reindexer::run);
    run.whenComplete((s, e) -> {
      if (e != null) {
        log.error("Rebuild thread failed: {}", e.toString());
      }
    });
    if (!wait) {
      return ResponseEntity.accepted().body(reindexer.status());
    }
    try {
      ReindexStatus done = run.get(MAX_WAIT.toMinutes(), TimeUnit.MINUTES);
      return ResponseEntity.status("DONE".equals(done.phase()) ? HttpStatus.OK : HttpStatus.INTERNAL_SERVER_ERROR)
          .body(done);
    } catch (ExecutionException | TimeoutException e) {
      return ResponseEntity.status(HttpStatus.ACCEPTED).body(reindexer.status());
    }
  }

  @GetMapping("/api/admin/reindex")
  public ResponseEntity<?> status(@RequestHeader(name = "Authorization", required = false) String auth) {
    ResponseEntity<?> denied = authorize(auth);
    return denied != null ? denied : ResponseEntity.ok(reindexer.status());
  }

  private ResponseEntity<?> authorize(String header) {
    String expected = props.getOpsToken();
    if (expected == null || expected.isBlank()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "ops token not configured",
          "details", List.of("set pipeline.index.ops-token (ops.token in .pipeline/credentials.properties)")));
    }
    String given = header != null && header.startsWith("Bearer ") ? header.substring(7).strip() : "";
    if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "missing or wrong bearer token",
          "details", List.of("send Authorization: Bearer <ops.token>")));
    }
    return null;
  }
}
