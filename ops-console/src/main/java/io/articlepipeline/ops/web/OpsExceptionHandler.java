package io.articlepipeline.ops.web;

import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.ops.schemas.SchemaRegistryBrowser;
import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaOperationException;
import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaUnavailableException;
import io.articlepipeline.web.Problem;
import io.articlepipeline.web.ProblemHandlers;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps failures to problem documents ({@link Problem}, with the {@code error} and {@code details}
 * the console's page shows): bad input 4xx, an unreachable dependency 503. Spring MVC's own
 * refusals come from {@link ProblemHandlers}.
 */
@RestControllerAdvice
public class OpsExceptionHandler extends ProblemHandlers {

  private static final Logger log = LoggerFactory.getLogger(OpsExceptionHandler.class);

  @ExceptionHandler(KafkaUnavailableException.class)
  ResponseEntity<Map<String, Object>> kafkaUnavailable(KafkaUnavailableException e) {
    return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "Kafka is not reachable", e.getMessage()).toResponseEntity();
  }

  @ExceptionHandler(KafkaOperationException.class)
  ResponseEntity<Map<String, Object>> kafkaFailed(KafkaOperationException e) {
    log.warn("Kafka refused an admin operation: {}", e.getMessage());
    return Problem.of(HttpStatus.BAD_GATEWAY, "Kafka refused the operation", e.getMessage()).toResponseEntity();
  }

  @ExceptionHandler(JsonHttp.UnreachableException.class)
  ResponseEntity<Map<String, Object>> unreachable(JsonHttp.UnreachableException e) {
    return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "A dependency is not reachable", e.getMessage())
        .toResponseEntity();
  }

  @ExceptionHandler(SchemaRegistryBrowser.RegistryException.class)
  ResponseEntity<Map<String, Object>> registryFailed(SchemaRegistryBrowser.RegistryException e) {
    return Problem.of(HttpStatus.BAD_GATEWAY, "The schema registry refused a request", e.getMessage())
        .toResponseEntity();
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Map<String, Object>> badRequest(BadRequestException e) {
    return Problem.of(e.status(), e.getMessage(), e.details()).toResponseEntity();
  }

  /** The console's API takes JSON only. */
  @Override
  protected ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send JSON", "Content-Type: application/json")
        .toResponseEntity();
  }
}
