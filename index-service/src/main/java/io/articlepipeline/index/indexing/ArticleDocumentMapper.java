package io.articlepipeline.index.indexing;

import io.articlepipeline.index.search.StoryKeys;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.Keyword;
import io.articlepipeline.schemas.avro.Organization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns an enriched article into the Elasticsearch document of the {@code articles} template.
 * Plain logic, no I/O: the document is a map the client serialises as JSON.
 */
public class ArticleDocumentMapper {


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

  /** The document of an article; throws {@link MalformedArticleException} if it cannot be indexed. */
  public Map<String, Object> toDocument(ArticleEnriched article, Instant indexedAt) {
    String id = article.getId();
    if (id == null || id.isBlank()) {
      throw new MalformedArticleException("article has no id");
    }
    if (article.getRevision() < 0) {
      throw new MalformedArticleException("article " + id + " has a negative revision " + article.getRevision()
          + " (external versions must be >= 0)");
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", id);
    doc.put("revision", article.getRevision());
    doc.put("title", article.getTitle());
    doc.put("story", StoryKeys.of(article.getTitle(), id));
    String body = article.getCleanBody();
    doc.put("body", body == null || body.isBlank() ? article.getBody() : body);
    doc.put("titleTokens", joinTokens(article.getTitleTokens()));
    List<String> all = new ArrayList<>(article.getTitleTokens());
    all.addAll(article.getBodyTokens());
    doc.put("tokens", joinTokens(all));
    putIfPresent(doc, "url", article.getUrl());
    putIfPresent(doc, "source", blankToNull(article.getSource()));
    putIfPresent(doc, "author", blankToNull(article.getAuthor()));
    putIfPresent(doc, "category", blankToNull(article.getCategory()));
    putIfPresent(doc, "language", blankToNull(article.getLanguage()));
    putIfPresent(doc, "publishedAt", iso(article.getPublishedAt()));
    putIfPresent(doc, "submittedAt", iso(article.getSubmittedAt()));
    Instant date = article.getPublishedAt() != null ? article.getPublishedAt() : article.getSubmittedAt();
    putIfPresent(doc, "date", iso(date));
    doc.put("indexedAt", iso(indexedAt));

    List<Map<String, Object>> keywords = new ArrayList<>();
    Set<String> keywordTexts = new LinkedHashSet<>();
    for (Keyword k : article.getKeywords()) {
      if (k.getText() == null || k.getText().isBlank()) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", k.getText());
      m.put("score", finite(k.getScore()));
      keywords.add(m);
      keywordTexts.add(k.getText());
    }
    doc.put("keywords", keywords);
    doc.put("keywordTexts", List.copyOf(keywordTexts));

    List<Map<String, Object>> organizations = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Organization o : article.getOrganizations()) {
      if (o.getName() == null || o.getName().isBlank() || o.getConfidence() < minOrganizationConfidence) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", o.getName());
      m.put("type", o.getType());
      m.put("start", o.getStart());
      m.put("end", o.getEnd());
      m.put("confidence", finite(o.getConfidence()));
      organizations.add(m);
      names.add(o.getName());
    }
    doc.put("organizations", organizations);
    doc.put("organizationNames", List.copyOf(names));

    if (article.getEnrichment() != null) {
      Map<String, Object> enrichment = new LinkedHashMap<>();
      enrichment.put("enricherVersion", article.getEnrichment().getEnricherVersion());
      putIfPresent(enrichment, "enrichedAt", iso(article.getEnrichment().getEnrichedAt()));
      doc.put("enrichment", enrichment);
    }
    return doc;
  }

  /** Tokens joined by single spaces for the whitespace analyzer; lower-cased, inner blanks removed. */
  static String joinTokens(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    for (String token : tokens) {
      if (token == null) {
        continue;
      }
      String t = withoutWhitespace(token.strip().toLowerCase(Locale.ROOT));
      if (t.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(t);
    }
    return sb.toString();
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

  private static void putIfPresent(Map<String, Object> doc, String field, Object value) {
    if (value != null) {
      doc.put(field, value);
    }
  }
}
