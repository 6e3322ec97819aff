package io.articlepipeline.web.auth;

import io.articlepipeline.web.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The one bearer-token check of every service. A request's path says which role it needs (none
 * for health, the pages and a public read API); its {@code Authorization: Bearer <token>} says
 * which role the caller has. Missing or unknown token: 401; a token of another role (a submit
 * token on an ops endpoint, an ops token on submit): 403. Each client (its token's role, or
 * without a valid token its address) has a token bucket; a flood gets 429 with
 * {@code Retry-After} and leaves the others served. Every refusal is a {@link Problem}; no token
 * is ever logged or written back.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
  private static final String BEARER = "Bearer ";
  private static final List<String> UNLIMITED = List.of("/actuator/health", "/actuator/health/**");

  private final Credentials credentials;
  private final RateLimiter limiter;
  private final List<String> publicPaths;
  private final Map<String, List<String>> roles;
  private final String defaultRole;
  private final String realm;
  private final AntPathMatcher matcher = new AntPathMatcher();
  private final UrlPathHelper paths = new UrlPathHelper();

  public BearerTokenFilter(Credentials credentials, RateLimiter limiter, AuthProperties properties, String realm) {
    this.credentials = credentials;
    this.limiter = limiter;
    List<String> open = new ArrayList<>(properties.getPublicPaths());
    open.addAll(properties.getPublicApi());
    this.publicPaths = List.copyOf(open);
    this.roles = new LinkedHashMap<>(properties.getRoles());
    this.defaultRole = properties.getDefaultRole();
    this.realm = realm;
  }

  /** The role a path needs, {@code null} if it is public. */
  String requiredRole(String path) {
    if (matchesAny(publicPaths, path)) {
      return null;
    }
    for (Map.Entry<String, List<String>> role : roles.entrySet()) {
      if (matchesAny(role.getValue(), path)) {
        return role.getKey();
      }
    }
    return defaultRole;
  }

  private boolean matchesAny(List<String> patterns, String path) {
    for (String p : patterns) {
      if (matcher.match(p, path)) {
        return true;
      }
    }
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // decoded (/api/%61dmin is /api/admin here too); a path is public only if it is public both
    // as sent and with its dot segments resolved (/api/articles/../admin is not)
    String decoded = paths.getPathWithinApplication(request);
    String path = StringUtils.cleanPath(decoded);
    String token = bearer(request.getHeader(HttpHeaders.AUTHORIZATION));
    String role = token == null ? null : credentials.roleOf(token);

    if (limiter != null && !matchesAny(UNLIMITED, path)) {
      String client = role != null ? "role:" + role : "addr:" + request.getRemoteAddr();
      long wait = limiter.acquire(client);
      if (wait > 0) {
        log.debug("429 {} {} ({}): over the rate limit", request.getMethod(), path,
            role != null ? article(role) + " token" : request.getRemoteAddr());
        Problem.of(HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests: slow down and send this again after " + wait + " s",
                "the limit is pipeline.auth.rate-limit (burst and per-second) per token, or per address without one")
            .header(HttpHeaders.RETRY_AFTER, Long.toString(wait)).instance(path).write(response);
        return;
      }
    }

    String required = requiredRole(path);
    if (required == null) {
      required = requiredRole(decoded);
    }
    if (required == null || required.equals(role)) {
      chain.doFilter(request, response);
      return;
    }
    String send = "send Authorization: Bearer <" + required + ".token from .pipeline/credentials.properties>";
    if (role != null) {
      log.info("403 {} {}: {} token, the path needs {}", request.getMethod(), path, article(role), required);
      Problem.of(HttpStatus.FORBIDDEN,
              "Forbidden: this endpoint needs the " + required + " token; " + article(role) + " token may not call it",
              send)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\", error=\"insufficient_scope\"")
          .instance(path).write(response);
      return;
    }
    String why;
    if (!credentials.hasRole(required)) {
      why = "no " + required + " token is configured on this service (pipeline.auth.tokens." + required
          + ", or " + required + ".token in the credentials file)";
    } else if (token == null) {
      why = "missing Authorization header";
    } else {
      why = "wrong token";
    }
    log.debug("401 {} {}: {}", request.getMethod(), path, why);
    Problem.of(HttpStatus.UNAUTHORIZED, "Missing or wrong " + required + " token: " + send, why)
        .header(HttpHeaders.WWW_AUTHENTICATE,
            "Bearer realm=\"" + realm + "\"" + (token == null ? "" : ", error=\"invalid_token\""))
        .instance(path).write(response);
  }

  private static String article(String role) {
    return ("aeiou".indexOf(Character.toLowerCase(role.charAt(0))) >= 0 ? "an " : "a ") + role;
  }

  private static String bearer(String header) {
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = header.substring(BEARER.length()).strip();
    return token.isEmpty() ? null : token;
  }
}
