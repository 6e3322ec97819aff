package io.articlepipeline.web.auth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call what, prefix {@code pipeline.auth}: the one bearer-token filter of every service
 * ({@link BearerTokenFilter}).
 *
 * <p>A request's path is matched against {@link #getPublicPaths()} and {@link #getPublicApi()} first (no token), then against
 * each role's paths in {@link #getRoles()} in order; anything else needs {@link #getDefaultRole()}.
 * Patterns are Spring's path patterns ({@code /api/**}, {@code /*.js}).
 */
@ConfigurationProperties("pipeline.auth")
public class AuthProperties {

  /** Whether the filter is installed at all (default true). */
  private boolean enabled = true;

  /**
   * A properties file holding {@code <role>.token=...} lines ({@code ./pipeline} writes
   * {@code .pipeline/credentials.properties} and sets {@code PIPELINE_AUTH_CREDENTIALS_FILE}). Read
   * again whenever its modification time, size or inode changes, so a token is rotated by
   * rewriting the file, without a restart. Empty: only {@link #getTokens()}.
   */
  private String credentialsFile;

  /** role → token, for roles the credentials file does not name (e.g. from the environment). */
  private Map<String, String> tokens = new LinkedHashMap<>();

  /** Paths answered without a token: health, the pages and their assets, a service's public API. */
  private List<String> publicPaths = new ArrayList<>(List.of(
      "/", "/index.html", "/*.js", "/*.css", "/favicon.ico", "/actuator/health", "/actuator/health/**"));

  /** A service's public read API (index: search, articles, suggestions), answered without a token. */
  private List<String> publicApi = new ArrayList<>();

  /** role → the paths that need its token, matched in order after the public ones. */
  private Map<String, List<String>> roles = new LinkedHashMap<>();

  /** The role every other path needs (metrics, unknown paths): default {@code ops}. */
  private String defaultRole = "ops";

  /** Roles whose token must be configured, else start-up fails naming the setting. */
  private List<String> requiredRoles = new ArrayList<>();

  private final RateLimit rateLimit = new RateLimit();

  /** A token bucket per token (or, without a valid one, per client address). */
  public static class RateLimit {

    /** Whether clients are limited at all (default true). */
    private boolean enabled = true;

    /** Requests a client may send at once before it is slowed (the bucket's size; default 4,000). */
    private int burst = 4000;

    /** Requests a second a client may keep up (the bucket's refill; default 2,000). */
    private double perSecond = 2000;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public int getBurst() {
      return burst;
    }

    public void setBurst(int burst) {
      this.burst = burst;
    }

    public double getPerSecond() {
      return perSecond;
    }

    public void setPerSecond(double perSecond) {
      this.perSecond = perSecond;
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getCredentialsFile() {
    return credentialsFile;
  }

  /** The credentials file as a path, {@code null} when none is set. */
  public Path credentialsPath() {
    return credentialsFile == null || credentialsFile.isBlank() ? null : Path.of(credentialsFile.strip());
  }

  public void setCredentialsFile(String credentialsFile) {
    this.credentialsFile = credentialsFile;
  }

  public Map<String, String> getTokens() {
    return tokens;
  }

  public void setTokens(Map<String, String> tokens) {
    this.tokens = tokens;
  }

  public List<String> getPublicPaths() {
    return publicPaths;
  }

  public void setPublicPaths(List<String> publicPaths) {
    this.publicPaths = publicPaths;
  }

  public List<String> getPublicApi() {
    return publicApi;
  }

  public void setPublicApi(List<String> publicApi) {
    this.publicApi = publicApi;
  }

  public Map<String, List<String>> getRoles() {
    return roles;
  }

  public void setRoles(Map<String, List<String>> roles) {
    this.roles = roles;
  }

  public String getDefaultRole() {
    return defaultRole;
  }

  public void setDefaultRole(String defaultRole) {
    this.defaultRole = defaultRole;
  }

  public List<String> getRequiredRoles() {
    return requiredRoles;
  }

  public void setRequiredRoles(List<String> requiredRoles) {
    this.requiredRoles = requiredRoles;
  }

  public RateLimit getRateLimit() {
    return rateLimit;
  }
}
