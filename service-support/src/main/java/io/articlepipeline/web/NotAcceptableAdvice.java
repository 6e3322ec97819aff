package io.articlepipeline.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A client whose Accept header excludes JSON (Accept: application/xml) gets a 406 that still says
 * why, in JSON: written straight to the response, since the usual path would negotiate the error
 * body against the same Accept header and send nothing at all.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class NotAcceptableAdvice {

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  public void notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletResponse response) throws IOException {
    response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"error\":\"Not Acceptable\",\"details\":["
        + JsonErrorReportValve.quote("this API answers application/json; the request's Accept header excludes it")
        + "]}");
  }
}
