package io.articlepipeline.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Every error answer of the pipeline's services, one shape: an RFC 9457 problem document
 * ({@code application/problem+json}) with {@code type}, {@code title}, {@code status},
 * {@code detail} and {@code instance}, plus the members clients already read:
 * {@code error} (one sentence: what went wrong and what to do) and {@code details} (a list: plain
 * strings, or {@code {"field", "message"}} objects for a refused field), and any extra member a
 * handler adds (e.g. a rebuild's {@code reindex} status).
 *
 * <p>The same document is written by the controllers' exception handlers
 * ({@link #toResponseEntity()}), by the bearer-token filter and by Tomcat's error valve
 * ({@link #write(HttpServletResponse)}, without a JSON library: those run outside Spring MVC).
 */
public final class Problem {

  /** {@code application/problem+json}. */
  public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;

  /** RFC 9457: "about:blank" says the status code is all there is to the type; title = its phrase. */
  public static final String TYPE_BLANK = "about:blank";

  private final int status;
  private final String error;
  private final List<?> details;
  private String type = TYPE_BLANK;
  private String detail;
  private String instance;
  private final Map<String, Object> extra = new LinkedHashMap<>();
  private final HttpHeaders headers = new HttpHeaders();

  private Problem(int status, String error, List<?> details) {
    this.status = status;
    this.error = error == null || error.isBlank() ? title(status) : error;
    this.details = details == null ? List.of() : List.copyOf(details);
  }

  /** A problem with the given status, the sentence clients show, and its specifics. */
  public static Problem of(HttpStatusCode status, String error, List<?> details) {
    return new Problem(status.value(), error, details);
  }

  public static Problem of(HttpStatusCode status, String error, String... details) {
    return new Problem(status.value(), error, List.of(details));
  }

  public static Problem of(int status, String error, List<?> details) {
    return new Problem(status, error, details);
  }

  /** A URI naming the kind of problem (default {@code about:blank}). */
  public Problem type(String type) {
    this.type = type;
    return this;
  }

  /** The occurrence's explanation; by default the {@code error} sentence. */
  public Problem detail(String detail) {
    this.detail = detail;
    return this;
  }

  /** The request's path; by default the current request's URI when there is one. */
  public Problem instance(String instance) {
    this.instance = instance;
    return this;
  }

  /** An extension member (RFC 9457 section 3.2). */
  public Problem with(String name, Object value) {
    extra.put(name, value);
    return this;
  }

  /** A header to answer with (e.g. {@code Retry-After}, {@code WWW-Authenticate}). */
  public Problem header(String name, String value) {
    headers.set(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String error() {
    return error;
  }

  public HttpHeaders headers() {
    return headers;
  }

  /** The document, members in a fixed order. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title(status));
    body.put("status", status);
    body.put("detail", detail != null ? detail : error);
    String where = instance != null ? instance : currentRequestUri();
    if (where != null && !where.isEmpty()) {
      body.put("instance", where);
    }
    body.put("error", error);
    body.put("details", details);
    extra.forEach(body::putIfAbsent);
    return body;
  }

  /** For a controller or an exception handler: Spring MVC writes the body with its JSON converter. */
  public ResponseEntity<Map<String, Object>> toResponseEntity() {
    return ResponseEntity.status(status).headers(headers).contentType(MEDIA_TYPE).body(body());
  }

  /** Writes the answer directly (a filter, the error valve); nothing if the response is committed. */
  public void write(HttpServletResponse response) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    headers.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
    response.setContentType(MEDIA_TYPE.toString());
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(toJson());
    response.flushBuffer();
  }

  /** The document as JSON; {@code < > &} escaped too, so no byte of it reads as markup. */
  public String toJson() {
    StringBuilder out = new StringBuilder(256);
    appendJson(out, body());
    return out.toString();
  }

  static String title(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return known != null ? known.getReasonPhrase() : "Error " + status;
  }

  private static String currentRequestUri() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRequestURI();
    }
    return null;
  }

  private static void appendJson(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(quote(String.valueOf(e.getKey()))).append(':');
        appendJson(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof Collection<?> list) {
      out.append('[');
      boolean first = true;
      for (Object o : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        appendJson(out, o);
      }
      out.append(']');
    } else {
      out.append(quote(String.valueOf(value)));
    }
  }

  /** A JSON string literal. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
