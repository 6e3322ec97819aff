package io.articlepipeline.ingest.status;

import io.articlepipeline.ingest.submit.FieldError;
import io.articlepipeline.ingest.submit.InvalidSubmissionException;
import io.articlepipeline.ingest.submit.SubmissionParser;
import io.articlepipeline.web.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/articles/{id}?revision=R}: the status a submitter polls after the 202:
 * processing, indexed (searchable) or failed (with the stage and reason).
 */
@RestController
class StatusController {

  private final IndexLookup index;
  private final DeadLetterWatch deadLetters;

  StatusController(IndexLookup index, DeadLetterWatch deadLetters) {
    this.index = index;
    this.deadLetters = deadLetters;
  }

  @GetMapping("/api/articles/{id}")
  ResponseEntity<Map<String, Object>> status(@PathVariable String id,
      @RequestParam(required = false) String revision) {
    SubmissionParser.checkId(id);
    Long asked = revision == null ? null : parseRevision(revision);
    Optional<ArticleStatus.Indexed> indexed;
    try {
      indexed = index.find(id);
    } catch (IndexLookup.Unavailable e) {
      return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "The article's status cannot be told right now",
          List.of(e.getMessage())).header("Retry-After", "5").toResponseEntity();
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
    throw new InvalidSubmissionException("Invalid revision", List.of(new FieldError("revision",
        "must be the revision number from the 202 answer, got '" + revision + "'")));
  }
}
