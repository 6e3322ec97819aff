package io.articlepipeline.ops.web;

import io.articlepipeline.ops.http.JsonHttp;
import io.articlepipeline.ops.schemas.SchemaRegistryBrowser;
import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaOperationException;
import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps failures to the JSON error shape: bad input 4xx, an unreachable dependency 503. */
@RestControllerAdvice
public class OpsExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(OpsExceptionHandler.class);

  @ExceptionHandler(KafkaUnavailableException.class)
  ResponseEntity<ApiError> kafkaUnavailable(KafkaUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(ApiError.of("Kafka is not reachable", e.getMessage()));
  }

  @ExceptionHandler(KafkaOperationException.class)
  ResponseEntity<ApiError> kafkaFailed(KafkaOperationException e) {
    log.warn("Kafka refused an admin operation: {}", e.getMessage());
    return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
        .body(ApiError.of("Kafka refused the operation", e.getMessage()));
  }

  @ExceptionHandler(JsonHttp.UnreachableException.class)
  ResponseEntity<ApiError> unreachable(JsonHttp.UnreachableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(ApiError.of("A dependency is not reachable", e.getMessage()));
  }

  @ExceptionHandler(SchemaRegistryBrowser.RegistryException.class)
  ResponseEntity<ApiError> registryFailed(SchemaRegistryBrowser.RegistryException e) {
    return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
        .body(ApiError.of("The schema registry refused a request", e.getMessage()));
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ApiError> badRequest(BadRequestException e) {
    return ResponseEntity.status(e.status()).body(new ApiError(e.getMessage(), e.details()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ApiError.of("No such resource", "/" + e.getResourcePath()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .body(ApiError.of("Method not allowed", e.getMessage()));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(ApiError.of("Send JSON", "Content-Type: application/json"));
  }

  @ExceptionHandler({HttpMessageNotReadableException.class,
      MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ResponseEntity<ApiError> unreadable(Exception e) {
    return ResponseEntity.badRequest().body(ApiError.of("Malformed request", e.getMessage()));
  }
}
