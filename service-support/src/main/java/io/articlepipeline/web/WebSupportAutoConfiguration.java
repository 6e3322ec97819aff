package io.articlepipeline.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's HTML error report on every service that
 * has this module on its class path, answers a 406 in JSON ({@link NotAcceptableAdvice}) and a
 * wildcard Content-Type with a 415 ({@link WildcardContentTypeFilter}).
 */
@AutoConfiguration
@ConditionalOnClass(TomcatServletWebServerFactory.class)
public class WebSupportAutoConfiguration {

  @Bean
  NotAcceptableAdvice notAcceptableAdvice() {
    return new NotAcceptableAdvice();
  }

  /** After the bearer-token filter: an unauthenticated request is still told to authenticate first. */
  @Bean
  FilterRegistrationBean<WildcardContentTypeFilter> wildcardContentTypeFilter() {
    FilterRegistrationBean<WildcardContentTypeFilter> registration =
        new FilterRegistrationBean<>(new WildcardContentTypeFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonContainerErrors() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof StandardHost host) {
        // the host adds its report valve when it starts; Boot may already have added one
        host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
        for (Valve valve : host.getPipeline().getValves()) {
          if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
            host.getPipeline().removeValve(valve);
          }
        }
      }
    });
  }
}
