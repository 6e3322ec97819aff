package io.articlepipeline.ingest;

import io.articlepipeline.ingest.submit.ArticlePublisher;
import io.articlepipeline.ingest.submit.BatchParser;
import io.articlepipeline.ingest.submit.InvalidSubmissionException;
import io.articlepipeline.web.Problem;
import io.articlepipeline.web.ProblemHandlers;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as a problem document ({@link Problem}: {@code application/problem+json} with
 * {@code error} and {@code details}; a refused field is a {@code {"field", "message"}} detail),
 * with a status that says whose fault it is. Spring MVC's own refusals come from
 * {@link ProblemHandlers}.
 */
@RestControllerAdvice
class ApiErrors extends ProblemHandlers {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidSubmissionException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidSubmissionException e) {
    return Problem.of(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors()).toResponseEntity();
  }

  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<Map<String, Object>> tooLarge(BodyTooLargeException e) {
    return Problem.of(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of()).toResponseEntity();
  }

  @ExceptionHandler(BatchParser.TooManyArticlesException.class)
  ResponseEntity<Map<String, Object>> tooMany(BatchParser.TooManyArticlesException e) {
    return Problem.of(HttpStatus.CONTENT_TOO_LARGE, e.getMessage() + "; nothing was stored", List.of())
        .toResponseEntity();
  }

  @ExceptionHandler(ArticlePublisher.TooLargeException.class)
  ResponseEntity<Map<String, Object>> tooLargeForKafka(ArticlePublisher.TooLargeException e) {
    log.warn("Publish refused: {}", e.getMessage());
    return Problem.of(HttpStatus.CONTENT_TOO_LARGE,
        "Not accepted: the article is larger than the pipeline's records may be; nothing was stored. "
            + "Send a shorter body (retrying the same article cannot succeed)", List.of(e.getMessage()))
        .toResponseEntity();
  }

  @ExceptionHandler(ArticlePublisher.PublishException.class)
  ResponseEntity<Map<String, Object>> unavailable(ArticlePublisher.PublishException e) {
    log.warn("Publish failed: {}", e.getMessage());
    String why = e instanceof ArticlePublisher.RegistryUnavailableException
        ? "the schema registry is unreachable" : "the broker did not acknowledge";
    return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "Not accepted: " + why + "; nothing was stored, retry later",
            List.of(e.getMessage()))
        .header("Retry-After", "5").toResponseEntity();
  }

  /** Names what the API takes, not just what it refused. */
  @Override
  protected ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type " + e.getContentType() + " is not supported; send application/json or text/plain (a batch to /api/articles/batch: "
            + "application/x-ndjson or a JSON array as application/json)",
        List.of()).toResponseEntity();
  }
}
