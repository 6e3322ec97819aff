package io.articlepipeline.ingest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Size limit on the submitters' API (the token is checked by service-support's filter, pipeline.auth). */
@Configuration
class WebConfig implements WebMvcConfigurer {

  private static final String BATCH_PATH = "/api/articles/batch";

  private final IngestProperties properties;

  WebConfig(IngestProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        long length = request.getContentLengthLong();
        boolean batch = request.getRequestURI().equals(BATCH_PATH);
        long limit = batch ? properties.getBatchMaxBytes() : properties.getMaxBodyBytes();
        if (length > limit) {
          throw new BodyTooLargeException("Request body is " + length + " bytes; the limit is " + limit
              + (batch ? " (pipeline.ingest.batch-max-bytes); split the batch" : " (pipeline.ingest.max-body-bytes)"));
        }
        return true;
      }
    }).addPathPatterns("/api/**");
  }
}
