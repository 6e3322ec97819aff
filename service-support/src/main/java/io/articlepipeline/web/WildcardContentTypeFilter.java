package io.articlepipeline.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 415 to a request whose {@code Content-Type} is a wildcard ({@code *}{@code /*},
 * {@code application/*}): a body has one concrete type (RFC 9110), and Spring MVC would otherwise
 * fail reading such a request's headers with an exception that ends as a 500 where an endpoint
 * takes a body without naming its types. Other content types, valid or not, are left to Spring MVC.
 */
public class WildcardContentTypeFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType != null && isWildcard(contentType)) {
      Problem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must name the body's type",
              "got a wildcard: " + (contentType.length() > 100 ? contentType.substring(0, 100) + "…" : contentType))
          .instance(request.getRequestURI()).write(response);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isWildcard(String contentType) {
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isWildcardType() || type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
