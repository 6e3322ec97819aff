package io.articlepipeline.index.status;

import io.articlepipeline.index.IndexProperties;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/** The CORS rule that lets the submit page, served by ingest from another origin, poll the status. */
@Configuration(proxyBeanMethods = false)
public class StatusCorsConfiguration {

  /**
   * CORS for the status only, from the submit page's origins: GET with the Authorization header.
   * Runs before the bearer-token filter, so a preflight (which carries no token by the Fetch
   * standard) is answered here, and a refusal (401, 403) still carries the CORS headers and
   * reaches the page as what it is.
   */
  @Bean
  FilterRegistrationBean<CorsFilter> statusCorsFilter(IndexProperties props) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(props.getSubmitPageOrigins().stream().map(String::strip)
        .filter(o -> !o.isEmpty()).toList());
    cors.setAllowedMethods(List.of("GET"));
    cors.setAllowedHeaders(List.of("Authorization"));
    cors.setExposedHeaders(List.of("Retry-After"));
    cors.setAllowCredentials(false);
    cors.setMaxAge(600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/articles/*/status", cors);
    FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
