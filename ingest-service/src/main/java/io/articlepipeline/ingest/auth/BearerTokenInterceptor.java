package io.articlepipeline.ingest.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets a request through only with {@code Authorization: Bearer <token>}; else a 401 JSON error. */
public final class BearerTokenInterceptor implements HandlerInterceptor {

  private final byte[] token;

  public BearerTokenInterceptor(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws java.io.IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
      return true;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Bearer");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    String why = header == null ? "missing Authorization header" : "wrong token";
    response.getWriter().write("{\"error\":\"Unauthorized: " + why
        + "; send Authorization: Bearer <submit.token from .pipeline/credentials.properties>\",\"details\":[]}");
    return false;
  }
}
