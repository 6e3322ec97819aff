package io.articlepipeline.index.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Errors that never reach a controller (unknown path, wrong method) answer in the same shape as
 * the API's own: {@code {"error": ..., "details": [...]}}.
 */
@Component
public class JsonErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> defaults = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", String.valueOf(defaults.getOrDefault("error", "Error")));
    body.put("details", List.of("path: " + defaults.getOrDefault("path", "?")));
    return body;
  }
}
