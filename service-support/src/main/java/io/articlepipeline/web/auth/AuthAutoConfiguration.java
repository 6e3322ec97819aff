package io.articlepipeline.web.auth;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Installs {@link BearerTokenFilter} in front of every request of a service, configured by
 * {@link AuthProperties} ({@code pipeline.auth}). A role listed in
 * {@code pipeline.auth.required-roles} without a token stops the start-up, naming the setting.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "pipeline.auth", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AuthProperties.class)
public class AuthAutoConfiguration {

  @Bean
  Credentials pipelineCredentials(AuthProperties properties) {
    Credentials credentials = new Credentials(properties.credentialsPath(), properties.getTokens());
    for (String role : properties.getRequiredRoles()) {
      if (!credentials.hasRole(role)) {
        throw new IllegalStateException("pipeline.auth.tokens." + role + " must be set (" + role
            + ".token in .pipeline/credentials.properties, or " + role.toUpperCase() + "_TOKEN in the environment)");
      }
    }
    return credentials;
  }

  @Bean
  FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(Credentials credentials, AuthProperties properties,
      Environment environment) {
    AuthProperties.RateLimit limit = properties.getRateLimit();
    RateLimiter limiter = limit.isEnabled() ? new RateLimiter(limit.getBurst(), limit.getPerSecond()) : null;
    String realm = environment.getProperty("spring.application.name", "article-pipeline");
    FilterRegistrationBean<BearerTokenFilter> registration =
        new FilterRegistrationBean<>(new BearerTokenFilter(credentials, limiter, properties, realm));
    registration.addUrlPatterns("/*");
    registration.setName("bearerTokenFilter");
    // before everything else that could answer (the index's security headers filter comes later)
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
