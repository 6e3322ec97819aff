package io.articlepipeline.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A client whose Accept header excludes JSON (Accept: application/xml) gets a 406 problem
 * document that still says why, in every service, also one without its own {@link ProblemHandlers}:
 * written straight to the response, since the usual path would negotiate the error body against
 * the same Accept header and send nothing at all. A service's own handler comes first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class NotAcceptableAdvice {

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  public void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletResponse response) throws IOException {
    Problem.of(HttpStatus.NOT_ACCEPTABLE, "No answer in an acceptable media type",
        "available: " + MediaType.toString(e.getSupportedMediaTypes())).write(response);
  }
}
