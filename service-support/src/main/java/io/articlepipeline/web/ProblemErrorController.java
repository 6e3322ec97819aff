package io.articlepipeline.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What reaches the servlet container's error page ({@code /error}: an exception no handler took,
 * a {@code sendError}) answers as a {@link Problem} too, in place of Boot's
 * {@code BasicErrorController} (its JSON or its HTML white-label page). A 5xx names no exception:
 * the cause is in the service's log.
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

  @RequestMapping
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : HttpStatus.INTERNAL_SERVER_ERROR.value();
    if (status < 400) {
      status = HttpStatus.INTERNAL_SERVER_ERROR.value();
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri != null ? uri.toString() : request.getRequestURI();
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String error = status < 500 && message instanceof String m && !m.isBlank() ? m : Problem.title(status);
    return Problem.of(status, error, List.of("path: " + path)).instance(path).toResponseEntity();
  }
}
