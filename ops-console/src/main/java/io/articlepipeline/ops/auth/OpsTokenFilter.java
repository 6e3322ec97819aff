package io.articlepipeline.ops.auth;

import io.articlepipeline.ops.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Answers 401 to {@code /api/ops/**} calls without the ops bearer token. */
public class OpsTokenFilter extends OncePerRequestFilter {

  private final BearerTokenCheck check;
  private final JsonMapper json;

  public OpsTokenFilter(BearerTokenCheck check, JsonMapper json) {
    this.check = check;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (check.accepts(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ops-console\"");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), ApiError.of(
        "Missing or wrong ops token",
        "send Authorization: Bearer <ops.token from .pipeline/credentials.properties>"));
  }
}
