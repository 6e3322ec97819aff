package io.articlepipeline.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.StringUtils;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The answers to what Spring MVC itself refuses (unknown path, wrong method or content type,
 * missing or malformed parameters), as {@link Problem}s. Each service's
 * {@code @RestControllerAdvice} extends this class and adds its own exceptions; a service may
 * override a method to word an answer for its clients (ingest names the content types it takes).
 * One class, not a second advice, so the most specific handler always wins.
 */
public abstract class ProblemHandlers {

  @ExceptionHandler(NoResourceFoundException.class)
  protected ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e) {
    return Problem.of(HttpStatus.NOT_FOUND, "No such endpoint: /" + e.getResourcePath(),
        "/" + e.getResourcePath()).toResponseEntity();
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  protected ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    Problem problem = Problem.of(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here",
        e.getMessage());
    if (e.getSupportedHttpMethods() != null && !e.getSupportedHttpMethods().isEmpty()) {
      problem.header(HttpHeaders.ALLOW, StringUtils.collectionToCommaDelimitedString(e.getSupportedHttpMethods()));
    }
    return problem.toResponseEntity();
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  protected ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + e.getContentType() + " is not supported",
        "send " + MediaType.toString(e.getSupportedMediaTypes())).toResponseEntity();
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  protected ResponseEntity<Map<String, Object>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return Problem.of(HttpStatus.NOT_ACCEPTABLE, "No answer in an acceptable media type",
        "available: " + MediaType.toString(e.getSupportedMediaTypes())).toResponseEntity();
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  protected ResponseEntity<Map<String, Object>> badParameter(Exception e) {
    return Problem.of(HttpStatus.BAD_REQUEST, "Invalid request", String.valueOf(e.getMessage())).toResponseEntity();
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  protected ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    return Problem.of(HttpStatus.BAD_REQUEST, "Request body is missing or unreadable", List.of()).toResponseEntity();
  }

  @ExceptionHandler(ResponseStatusException.class)
  protected ResponseEntity<Map<String, Object>> responseStatus(ResponseStatusException e) {
    String reason = e.getReason();
    return Problem.of(e.getStatusCode(), reason, List.of()).toResponseEntity();
  }
}
