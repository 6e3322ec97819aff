package io.articlepipeline.ingest;

import io.articlepipeline.ingest.submit.ArticlePublisher;
import io.articlepipeline.ingest.submit.BatchParser;
import io.articlepipeline.ingest.submit.InvalidSubmissionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error as {@code {"error": ..., "details": [...]}} with a status that says whose fault it is. */
@RestControllerAdvice
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, List<?> details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("details", details);
    return ResponseEntity.status(status).body(body);
  }

  @ExceptionHandler(InvalidSubmissionException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidSubmissionException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.errors());
  }

  @ExceptionHandler(BodyTooLargeException.class)
  ResponseEntity<Map<String, Object>> tooLarge(BodyTooLargeException e) {
    return error(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), List.of());
  }

  @ExceptionHandler(BatchParser.TooManyArticlesException.class)
  ResponseEntity<Map<String, Object>> tooMany(BatchParser.TooManyArticlesException e) {
    return error(HttpStatus.CONTENT_TOO_LARGE, e.getMessage() + "; nothing was stored", List.of());
  }

  @ExceptionHandler(ArticlePublisher.TooLargeException.class)
  ResponseEntity<Map<String, Object>> tooLargeForKafka(ArticlePublisher.TooLargeException e) {
    log.warn("Publish refused: {}", e.getMessage());
    return error(HttpStatus.CONTENT_TOO_LARGE,
        "Not accepted: the article is larger than the pipeline's records may be; nothing was stored. "
            + "Send a shorter body (retrying the same article cannot succeed)", List.of(e.getMessage()));
  }

  @ExceptionHandler(ArticlePublisher.PublishException.class)
  ResponseEntity<Map<String, Object>> unavailable(ArticlePublisher.PublishException e) {
    log.warn("Publish failed: {}", e.getMessage());
    String why = e instanceof ArticlePublisher.RegistryUnavailableException
        ? "the schema registry is unreachable" : "the broker did not acknowledge";
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
        .body(Map.of("error", "Not accepted: " + why + "; nothing was stored, retry later",
            "details", List.of(e.getMessage())));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return error(HttpStatus.BAD_REQUEST, "Request body is missing or unreadable", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type " + e.getContentType() + " is not supported; send application/json or text/plain (a batch to /api/articles/batch: "
            + "application/x-ndjson or a JSON array as application/json)",
        List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here", List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e) {
    return error(HttpStatus.NOT_FOUND, "No such endpoint: /" + e.getResourcePath(), List.of());
  }
}
