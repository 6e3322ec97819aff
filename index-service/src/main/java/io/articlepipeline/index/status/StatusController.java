package io.articlepipeline.index.status;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.articlepipeline.index.search.InvalidRequestException;
import io.articlepipeline.web.Problem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/articles/{id}/status?revision=R}: the status a submitter polls after ingest's
 * 202 (its {@code statusUrl}): processing, indexed (searchable) or failed (with the stage and
 * reason). Needs the submit token (application.yml); the submit page calls it across origins
 * (CORS, {@code pipeline.index.submit-page-origins}).
 */
@RestController
public class StatusController {

  private static final Logger log = LoggerFactory.getLogger(StatusController.class);
  private static final int MAX_ID_CHARS = 256;

  private final IndexedRevisions index;
  private final DeadLetterWatch deadLetters;

  public StatusController(IndexedRevisions index, DeadLetterWatch deadLetters) {
    this.index = index;
    this.deadLetters = deadLetters;
  }

  @GetMapping("/api/articles/{id}/status")
  public ResponseEntity<Map<String, Object>> status(@PathVariable String id,
      @RequestParam(required = false) String revision) {
    if (id.isBlank() || id.length() > MAX_ID_CHARS) {
      throw new InvalidRequestException("Invalid article id",
          List.of("id: must be 1 to " + MAX_ID_CHARS + " characters"));
    }
    Long asked = revision == null ? null : parseRevision(revision);
    Optional<ArticleStatus.Indexed> indexed;
    try {
      indexed = index.find(id);
    } catch (IOException | ElasticsearchException e) {
      log.warn("status of {}: Elasticsearch could not be asked: {}", id, e.toString());
      return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "The article's status cannot be told right now",
          List.of("Search is unavailable; Elasticsearch is not reachable"))
          .header("Retry-After", "5").toResponseEntity();
    }
    return ArticleStatus.of(id, asked, indexed, deadLetters.newest(id))
        .map(ResponseEntity::ok)
        .orElseGet(() -> Problem.of(HttpStatus.NOT_FOUND, "Nothing is known of article " + id,
            List.of("it is neither searchable nor dead-lettered; if it was just submitted, "
                + "poll with ?revision=<revision from the 202> to see it as processing")).toResponseEntity());
  }

  private static long parseRevision(String revision) {
    try {
      long r = Long.parseLong(revision.trim());
      if (r >= 0) {
        return r;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException("Invalid revision",
        List.of("revision: must be the revision number from the 202 answer, got '" + revision + "'"));
  }
}
