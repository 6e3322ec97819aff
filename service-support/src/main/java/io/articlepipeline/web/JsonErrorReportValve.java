package io.articlepipeline.web;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request line with characters RFC 3986 forbids, such as
 * {@code ?q[]=}, a request line or headers over the size limit) as the pipeline's problem document
 * ({@link Problem}: {@code application/problem+json} with {@code type, title, status, detail,
 * instance} and the {@code error} and {@code details} clients read) instead of Tomcat's HTML page. Errors a service
 * answers itself have their body written already and pass through untouched.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  /** Tomcat's 5xx answers to what a client sent, answered as 400 with this detail instead. */
  static final java.util.Map<Integer, String> PROTOCOL_REFUSALS = java.util.Map.of(
      501, "the request's method or transfer coding is not supported (use GET, POST or DELETE; no Transfer-Encoding but chunked)",
      505, "the request's HTTP version is not supported (use HTTP/1.1)");

  /** Longest detail echoed back: Tomcat's messages can quote the whole request line. */
  static final int MAX_DETAIL = 300;

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get()) {
      return;
    }
    String refusal = PROTOCOL_REFUSALS.get(status);
    if (refusal != null) {
      // HTTP says 501/505, but the fault is the client's: a 5xx would read as a fault of ours
      // (alerts, error budgets, retries), so these are 400s that say what was refused
      status = HttpStatus.BAD_REQUEST.value();
      response.setStatus(status);
    }
    String detail = refusal != null ? refusal : detail(throwable, status);
    String hint = status == 400 ? encodingHint(throwable == null ? null : throwable.getMessage()) : null;
    List<String> details = new ArrayList<>();
    if (detail != null) {
      details.add(detail);
    }
    if (hint != null) {
      details.add(hint);
    }
    Problem problem = Problem.of(status, null, details).instance(instance(request));
    if (detail != null) {
      problem.detail(hint == null ? detail : detail + "; " + hint);
    }
    try {
      response.setContentType(Problem.MEDIA_TYPE.toString());
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(problem.toJson());
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client has gone or the response was committed meanwhile: nothing left to tell
    }
  }

  /** The request's path as far as Tomcat read it; {@code null} (no {@code instance}) when it read none. */
  private static String instance(Request request) {
    try {
      String uri = request.getRequestURI();
      if (uri == null || uri.isEmpty()) {
        return null;
      }
      return uri.length() > MAX_DETAIL ? uri.substring(0, MAX_DETAIL) + "…" : uri;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String detail(Throwable throwable, int status) {
    String message = throwable == null ? null : throwable.getMessage();
    if (message == null || message.isBlank()) {
      return status == 400 ? "the request line or headers are malformed or too large" : null;
    }
    return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "…" : message;
  }

  /** Tomcat writes each byte over 0x7f of a rejected request target as {@code 0xHH}. */
  private static final Pattern RAW_BYTES = Pattern.compile("(?:0x[89a-fA-F][0-9a-fA-F])+");
  private static final Pattern TARGET = Pattern.compile("request target \\[(.*?) ?\\]");

  /**
   * When the request target held raw non-ASCII bytes (a client such as curl sends 志愿服务 as
   * typed), the target as it should have been written, percent-encoded: the reader gets the fix,
   * not just the complaint.
   */
  static String encodingHint(String message) {
    if (message == null) {
      return null;
    }
    Matcher target = TARGET.matcher(message);
    if (!target.find() || !RAW_BYTES.matcher(target.group(1)).find()) {
      return null;
    }
    Matcher raw = RAW_BYTES.matcher(target.group(1));
    StringBuilder fixed = new StringBuilder();
    while (raw.find()) {
      String bytes = raw.group();
      StringBuilder encoded = new StringBuilder();
      for (int i = 0; i < bytes.length(); i += 4) {
        encoded.append('%').append(bytes.substring(i + 2, i + 4).toUpperCase(Locale.ROOT));
      }
      raw.appendReplacement(fixed, Matcher.quoteReplacement(encoded.toString()));
    }
    raw.appendTail(fixed);
    String example = fixed.length() > MAX_DETAIL ? fixed.substring(0, MAX_DETAIL) + "…" : fixed.toString();
    return "characters outside ASCII must be percent-encoded as UTF-8, e.g. " + example
        + " (with curl: curl -G --data-urlencode 'q=…' URL)";
  }

  /** A JSON string literal (kept here for the valve's callers; {@link Problem#quote}). */
  static String quote(String s) {
    return Problem.quote(s);
  }
}
