package io.articlepipeline.index.web;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.articlepipeline.index.search.InvalidRequestException;
import io.articlepipeline.web.Problem;
import io.articlepipeline.web.ProblemHandlers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors as problem documents ({@link Problem}, with the {@code error} and {@code details} the
 * reader page shows): 4xx for bad input, 503 when Elasticsearch is down. Spring MVC's own
 * refusals (unknown path, wrong method, bad parameter) come from {@link ProblemHandlers}.
 */
@RestControllerAdvice
public class ApiErrors extends ProblemHandlers {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidRequestException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.details());
  }

  @ExceptionHandler(ElasticsearchException.class)
  ResponseEntity<Map<String, Object>> elasticsearch(ElasticsearchException e) {
    if (e.status() == 400) {
      // A request Elasticsearch refuses is still a reader's query we could not run: their side.
      log.warn("Elasticsearch refused a search: {}", e.error().type());
      return body(HttpStatus.BAD_REQUEST, "Query could not be run", List.of(String.valueOf(e.error().reason())));
    }
    log.error("Elasticsearch error status={} type={}", e.status(), e.error().type());
    return body(HttpStatus.SERVICE_UNAVAILABLE, "Search is unavailable", List.of("Elasticsearch answered " + e.status()));
  }

  @ExceptionHandler(IOException.class)
  ResponseEntity<Map<String, Object>> io(IOException e) {
    if (e instanceof java.io.CharConversionException || e instanceof java.nio.charset.CharacterCodingException) {
      // Thrown by the servlet container while decoding parameters: the reader's URL, not our backend.
      return body(HttpStatus.BAD_REQUEST, "Malformed request", List.of("parameters must be percent-encoded UTF-8"));
    }
    log.error("Elasticsearch not reachable: {}", e.toString());
    return body(HttpStatus.SERVICE_UNAVAILABLE, "Search is unavailable", List.of("Elasticsearch is not reachable"));
  }

  static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, List<String> details) {
    return Problem.of(status, error, details).toResponseEntity();
  }
}
