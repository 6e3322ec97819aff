package io.articlepipeline.ingest.submit;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns a submitter's JSON or pasted page into a {@link Submission}, or refuses it with every
 * problem named by field. Plain Java: no Spring, no I/O.
 */
public final class SubmissionParser {

  /** The fields a JSON submission may carry. */
  public static final Set<String> FIELDS = Set.of(
      "id", "revision", "title", "body", "url", "source", "author", "category", "language", "publishedAt");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final String ID_RULE =
      "must be 1-128 characters of letters, digits, '.', '_', ':' or '-', starting with a letter or digit";
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
  private static final int MAX_SHORT_FIELD = 300;

  private final int maxTitleChars;

  public SubmissionParser(int maxTitleChars) {
    this.maxTitleChars = maxTitleChars;
  }

  /** Checks an article id taken from a path, e.g. for a retraction. */
  public static String checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidSubmissionException("Invalid article id", List.of(new FieldError("id",
          ID_RULE)));
    }
    return id;
  }

  /** Parses a JSON object submission. */
  public Submission parseJson(String json) {
    JsonNode root = JsonBody.read(json);
    if (root == null || !root.isObject()) {
      throw new InvalidSubmissionException("Request body must be a JSON object with at least title and body",
          List.of());
    }
    return parseObject(root);
  }

  /** Parses one article given as a JSON object (a request body, a line or an element of a batch). */
  public Submission parseObject(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new InvalidSubmissionException("An article must be a JSON object with at least title and body",
          List.of());
    }
    List<FieldError> errors = new ArrayList<>();
    for (String name : root.propertyNames()) {
      if (!FIELDS.contains(name)) {
        errors.add(new FieldError(name, "unknown field; allowed: " + String.join(", ", FIELDS.stream().sorted().toList())));
      }
    }
    Fields fields = new Fields(root, errors);
    String id = fields.text("id", false, 128);
    if (id != null && !ID.matcher(id).matches()) {
      errors.add(new FieldError("id", ID_RULE));
    }
    Long revision = fields.revision();
    String title = fields.text("title", true, maxTitleChars);
    String body = fields.text("body", true, Integer.MAX_VALUE);
    String url = checkUrl(fields.text("url", false, 2048), errors);
    String source = fields.text("source", false, MAX_SHORT_FIELD);
    String author = fields.text("author", false, MAX_SHORT_FIELD);
    String category = fields.text("category", false, MAX_SHORT_FIELD);
    String language = checkLanguage(fields.text("language", false, 35), errors);
    Instant publishedAt = checkDate(fields.text("publishedAt", false, 64), errors);
    if (!errors.isEmpty()) {
      throw new InvalidSubmissionException("Article refused: " + errors.size() + " invalid field(s)", errors);
    }
    return new Submission(id, revision, title, body, url, source, author, category, language, publishedAt,
        "application/json");
  }

  /**
   * Parses a pasted page; {@code params} may carry the same optional fields as JSON (id, url,
   * source, author, category, language, publishedAt, revision) as query parameters.
   */
  public Submission parsePage(String page, Map<String, String> params) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : params.keySet()) {
      if (!FIELDS.contains(name) || name.equals("body")) {
        errors.add(new FieldError(name, "unknown parameter for a text/plain submission; allowed: "
            + "id, revision, title, url, source, author, category, language, publishedAt"));
      }
    }
    PastedPage.Parts parts = PastedPage.split(page == null ? "" : page);
    if (parts.body().isBlank()) {
      errors.add(new FieldError("body", "the pasted page has no text"));
    }
    String title = blankToNull(params.get("title"));
    if (title == null) {
      title = parts.title();
    }
    if (title == null || title.isBlank()) {
      errors.add(new FieldError("title", "no title found in the page; pass ?title=…"));
    } else if (title.length() > maxTitleChars) {
      errors.add(new FieldError("title", "longer than " + maxTitleChars + " characters"));
    }
    String id = blankToNull(params.get("id"));
    if (id != null && !ID.matcher(id).matches()) {
      errors.add(new FieldError("id", ID_RULE));
    }
    Long revision = null;
    String rev = blankToNull(params.get("revision"));
    if (rev != null) {
      try {
        revision = Long.parseLong(rev);
        if (revision < 1) {
          errors.add(new FieldError("revision", "must be a positive integer"));
        }
      } catch (NumberFormatException e) {
        errors.add(new FieldError("revision", "must be a positive integer, was '" + rev + "'"));
      }
    }
    String url = checkUrl(blankToNull(params.get("url")), errors);
    String language = checkLanguage(blankToNull(params.get("language")), errors);
    Instant publishedAt = checkDate(blankToNull(params.get("publishedAt")), errors);
    if (!errors.isEmpty()) {
      throw new InvalidSubmissionException("Page refused: " + errors.size() + " invalid field(s)", errors);
    }
    return new Submission(id, revision, title, parts.body(), url, blankToNull(params.get("source")),
        blankToNull(params.get("author")), blankToNull(params.get("category")), language, publishedAt,
        "text/plain");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String checkUrl(String url, List<FieldError> errors) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
        errors.add(new FieldError("url", "must be an absolute http or https URL"));
      }
    } catch (URISyntaxException e) {
      errors.add(new FieldError("url", "is not a valid URL: " + e.getReason()));
    }
    return url;
  }

  private static String checkLanguage(String language, List<FieldError> errors) {
    if (language == null) {
      return null;
    }
    if (!LANGUAGE.matcher(language).matches()) {
      errors.add(new FieldError("language", "must be a language tag such as zh, zh-Hant or en"));
      return null;
    }
    return Locale.forLanguageTag(language).toLanguageTag();
  }

  /** Dates outside years 1-9999 are refused: the Avro timestamp (epoch milliseconds) and Elasticsearch's date hold them. */
  private static final Instant FIRST_DATE = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LAST_DATE = Instant.parse("9999-12-31T23:59:59.999Z");

  private static Instant checkDate(String value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    Instant date;
    try {
      date = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notDateTime) {
      try {
        date = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notDate) {
        errors.add(new FieldError("publishedAt",
            "must be an ISO-8601 date-time with offset (2021-09-01T08:00:00+08:00) or a date (2021-09-01)"));
        return null;
      }
    }
    if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
      errors.add(new FieldError("publishedAt", "must be between the years 1 and 9999"));
      return null;
    }
    return date;
  }

  /** Reads typed fields, collecting problems instead of stopping at the first. */
  private record Fields(JsonNode root, List<FieldError> errors) {

    String text(String name, boolean required, int maxChars) {
      JsonNode node = root.get(name);
      if (node == null || node.isNull()) {
        if (required) {
          errors.add(new FieldError(name, "is required"));
        }
        return null;
      }
      if (!node.isString()) {
        errors.add(new FieldError(name, "must be a string, was " + node.getNodeType().name().toLowerCase(Locale.ROOT)));
        return null;
      }
      String value = node.asString().strip();
      if (value.isEmpty()) {
        if (required) {
          errors.add(new FieldError(name, "must not be blank"));
        }
        return null;
      }
      if (value.length() > maxChars) {
        errors.add(new FieldError(name, "longer than " + maxChars + " characters"));
      }
      return value;
    }

    Long revision() {
      JsonNode node = root.get("revision");
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.canConvertToExactIntegral() || !node.canConvertToLong() || node.asLong() < 1) {
        errors.add(new FieldError("revision", "must be a positive integer"));
        return null;
      }
      return node.asLong();
    }
  }
}
