package io.articlepipeline.index.indexing;

import io.articlepipeline.index.search.StoryKeys;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.Keyword;
import io.articlepipeline.schemas.avro.Organization;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an enriched article into the Elasticsearch document of the {@code articles} template.
 * Plain logic, no I/O: the document's JSON.
 */
public class ArticleDocumentMapper {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final double minOrganizationConfidence;

  /** Every organization the enrich stage tagged is indexed. */
  public ArticleDocumentMapper() {
    this(0);
  }

  /**
   * @param minOrganizationConfidence organizations tagged with a lower confidence (a calibrated
   *                                  probability: 0.9 is right about nine times in ten) are left out
   *                                  of the document, so readers never see them as tags or facets
   */
  public ArticleDocumentMapper(double minOrganizationConfidence) {
    this.minOrganizationConfidence = minOrganizationConfidence;
  }

  /**
   * The document of an article as JSON (UTF-8), as a bulk request sends it, written field by field
   * (no intermediate map: the index stage maps every article it writes); throws
   * {@link MalformedArticleException} if it cannot be indexed.
   */
  public byte[] toJson(ArticleEnriched article, Instant indexedAt) {
    String id = article.getId();
    if (id == null || id.isBlank()) {
      throw new MalformedArticleException("article has no id");
    }
    if (article.getRevision() < 0) {
      throw new MalformedArticleException("article " + id + " has a negative revision " + article.getRevision()
          + " (external versions must be >= 0)");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringProperty("id", id);
      g.writeNumberProperty("revision", article.getRevision());
      g.writeStringProperty("title", article.getTitle());
      g.writeStringProperty("story", StoryKeys.of(article.getTitle(), id));
      String body = article.getCleanBody();
      g.writeStringProperty("body", body == null || body.isBlank() ? article.getBody() : body);
      TokenText tokens = new TokenText(article.getTitleTokens().size() * 4 + article.getBodyTokens().size() * 3);
      tokens.addAll(article.getTitleTokens());
      g.writeName("titleTokens");
      tokens.writeTo(g);
      tokens.addAll(article.getBodyTokens());
      g.writeName("tokens");
      tokens.writeTo(g);
      writeIfPresent(g, "url", article.getUrl());
      writeIfPresent(g, "source", blankToNull(article.getSource()));
      writeIfPresent(g, "author", blankToNull(article.getAuthor()));
      writeIfPresent(g, "category", blankToNull(article.getCategory()));
      writeIfPresent(g, "language", blankToNull(article.getLanguage()));
      writeIfPresent(g, "publishedAt", iso(article.getPublishedAt()));
      writeIfPresent(g, "submittedAt", iso(article.getSubmittedAt()));
      Instant date = article.getPublishedAt() != null ? article.getPublishedAt() : article.getSubmittedAt();
      writeIfPresent(g, "date", iso(date));
      g.writeStringProperty("indexedAt", iso(indexedAt));

      Set<String> keywordTexts = new LinkedHashSet<>();
      g.writeArrayPropertyStart("keywords");
      for (Keyword k : article.getKeywords()) {
        if (k.getText() == null || k.getText().isBlank()) {
          continue;
        }
        g.writeStartObject();
        g.writeStringProperty("text", k.getText());
        g.writeNumberProperty("score", finite(k.getScore()));
        g.writeEndObject();
        keywordTexts.add(k.getText());
      }
      g.writeEndArray();
      writeStrings(g, "keywordTexts", keywordTexts);

      Set<String> names = new LinkedHashSet<>();
      g.writeArrayPropertyStart("organizations");
      for (Organization o : article.getOrganizations()) {
        if (o.getName() == null || o.getName().isBlank() || o.getConfidence() < minOrganizationConfidence) {
          continue;
        }
        g.writeStartObject();
        g.writeStringProperty("name", o.getName());
        g.writeStringProperty("type", o.getType());
        g.writeNumberProperty("start", o.getStart());
        g.writeNumberProperty("end", o.getEnd());
        g.writeNumberProperty("confidence", finite(o.getConfidence()));
        g.writeEndObject();
        names.add(o.getName());
      }
      g.writeEndArray();
      writeStrings(g, "organizationNames", names);

      if (article.getEnrichment() != null) {
        g.writeObjectPropertyStart("enrichment");
        g.writeStringProperty("enricherVersion", article.getEnrichment().getEnricherVersion());
        writeIfPresent(g, "enrichedAt", iso(article.getEnrichment().getEnrichedAt()));
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void writeStrings(JsonGenerator g, String name, Set<String> values) {
    g.writeArrayPropertyStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static void writeIfPresent(JsonGenerator g, String name, String value) {
    if (value != null) {
      g.writeStringProperty(name, value);
    }
  }

  /** Tokens joined as {@link #joinTokens} joins them, in a buffer written to JSON without a String copy. */
  private static final class TokenText {
    private char[] chars;
    private int length;

    TokenText(int capacity) {
      chars = new char[Math.max(16, capacity)];
    }

    void addAll(List<String> tokens) {
      for (String token : tokens) {
        if (token == null) {
          continue;
        }
        String t = withoutWhitespace(token.strip().toLowerCase(Locale.ROOT));
        if (t.isEmpty()) {
          continue;
        }
        int needed = length + t.length() + 1;
        if (needed > chars.length) {
          chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
        }
        if (length > 0) {
          chars[length++] = ' ';
        }
        t.getChars(0, t.length(), chars, length);
        length += t.length();
      }
    }

    void writeTo(JsonGenerator g) {
      g.writeString(chars, 0, length);
    }

    @Override
    public String toString() {
      return new String(chars, 0, length);
    }
  }

  /** Tokens joined by single spaces for the whitespace analyzer; lower-cased, inner blanks removed. */
  static String joinTokens(List<String> tokens) {
    TokenText text = new TokenText(tokens.size() * 3);
    text.addAll(tokens);
    return text.toString();
  }

  /**
   * {@code s} without the whitespace a regex {@code \\s} matches (space, tab, line breaks, vertical
   * tab, form feed); most tokens have none and are returned as they are, without a regex per token.
   */
  private static String withoutWhitespace(String s) {
    int i = 0;
    while (i < s.length() && !isRegexSpace(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isRegexSpace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isRegexSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0.0;
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
