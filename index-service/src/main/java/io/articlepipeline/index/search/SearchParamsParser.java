package io.articlepipeline.index.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads and validates the query parameters of {@code GET /api/search}; every problem is listed. */
public class SearchParamsParser {

  /** Parameters the search API understands; anything else is a 400 naming it. */
  public static final Set<String> KNOWN = Set.of("q", "org", "keyword", "source", "category", "lang",
      "story", "from", "to", "sort", "page", "size", "cursor", "collapse");
  private static final int MAX_FILTER_VALUES = 20;
  private static final int MAX_FILTER_CHARS = 200;

  private final int maxQueryChars;
  private final int defaultPageSize;
  private final int maxPageSize;
  private final int maxResultWindow;

  public SearchParamsParser(int maxQueryChars, int defaultPageSize, int maxPageSize, int maxResultWindow) {
    this.maxQueryChars = maxQueryChars;
    this.defaultPageSize = defaultPageSize;
    this.maxPageSize = maxPageSize;
    this.maxResultWindow = maxResultWindow;
  }

  public SearchParams parse(Map<String, List<String>> params) {
    List<String> errors = new ArrayList<>();
    Set<String> unknown = new TreeSet<>(params.keySet());
    unknown.removeAll(KNOWN);
    for (String u : unknown) {
      errors.add(u + ": unknown parameter (known: " + String.join(", ", new TreeSet<>(KNOWN)) + ")");
    }
    String q = single(params, "q", errors);
    q = q == null ? "" : q.strip();
    if (q.length() > maxQueryChars) {
      errors.add("q: longer than " + maxQueryChars + " characters");
    }
    if (q.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
      errors.add("q: contains control characters");
    }
    List<String> orgs = values(params, "org", errors);
    List<String> keywords = values(params, "keyword", errors);
    List<String> sources = values(params, "source", errors);
    List<String> categories = values(params, "category", errors);
    List<String> languages = values(params, "lang", errors);
    List<String> stories = values(params, "story", errors);
    LocalDate from = date(params, "from", errors);
    LocalDate to = date(params, "to", errors);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add("from: after to (" + from + " > " + to + ")");
    }
    String sortText = single(params, "sort", errors);
    SearchSort sort = q.isEmpty() ? SearchSort.DATE : SearchSort.RELEVANCE;
    if (sortText != null && !sortText.isBlank()) {
      try {
        sort = SearchSort.valueOf(sortText.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add("sort: must be relevance or date, was '" + abbreviate(sortText) + "'");
      }
    }
    int page = integer(params, "page", 1, 1, Integer.MAX_VALUE, errors);
    int size = integer(params, "size", defaultPageSize, 1, maxPageSize, errors);
    if (errors.isEmpty() && (long) page * size > maxResultWindow) {
      errors.add("page: page*size may not exceed " + maxResultWindow + "; use the cursor for deeper pages");
    }
    String collapseText = single(params, "collapse", errors);
    boolean collapse = false;
    if (collapseText != null && !collapseText.isBlank()) {
      switch (collapseText.strip().toLowerCase(Locale.ROOT)) {
        case "true" -> collapse = true;
        case "false" -> collapse = false;
        default -> errors.add("collapse: must be true or false, was '" + abbreviate(collapseText) + "'");
      }
    }
    String cursorText = single(params, "cursor", errors);
    if (collapse && cursorText != null && !cursorText.isBlank()) {
      errors.add("cursor: not with collapse=true (collapsed results are paged with page=)");
    }
    List<Object> cursor = null;
    if (errors.isEmpty() && cursorText != null && !cursorText.isBlank()) {
      try {
        cursor = Cursors.decode(cursorText.strip(), sort);
      } catch (InvalidRequestException e) {
        errors.addAll(e.details());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException("Invalid search request", errors);
    }
    return new SearchParams(q, orgs, keywords, sources, categories, languages, stories, from, to, sort, page, size,
        cursor, collapse);
  }

  private static String single(Map<String, List<String>> params, String name, List<String> errors) {
    List<String> v = params.get(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (v.size() > 1) {
      errors.add(name + ": given " + v.size() + " times, expected once");
    }
    return v.get(0);
  }

  private static List<String> values(Map<String, List<String>> params, String name, List<String> errors) {
    List<String> raw = params.getOrDefault(name, List.of());
    List<String> out = new ArrayList<>();
    for (String v : raw) {
      if (v == null || v.isBlank()) {
        continue;
      }
      String s = v.strip();
      if (s.length() > MAX_FILTER_CHARS) {
        errors.add(name + ": a value is longer than " + MAX_FILTER_CHARS + " characters");
        continue;
      }
      if (!out.contains(s)) {
        out.add(s);
      }
    }
    if (out.size() > MAX_FILTER_VALUES) {
      errors.add(name + ": more than " + MAX_FILTER_VALUES + " values");
    }
    return out;
  }

  private static LocalDate date(Map<String, List<String>> params, String name, List<String> errors) {
    String v = single(params, name, errors);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      errors.add(name + ": must be a date like 2024-05-31, was '" + abbreviate(v) + "'");
      return null;
    }
  }

  private static int integer(Map<String, List<String>> params, String name, int dflt, int min, int max,
                             List<String> errors) {
    String v = single(params, name, errors);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        errors.add(name + ": must be between " + min + " and " + max + ", was " + n);
        return dflt;
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(name + ": must be a whole number, was '" + abbreviate(v) + "'");
      return dflt;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
