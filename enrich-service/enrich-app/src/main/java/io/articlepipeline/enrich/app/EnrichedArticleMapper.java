package io.articlepipeline.enrich.app;

import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.PageFields;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.schemas.avro.EnrichmentInfo;
import io.articlepipeline.schemas.avro.Keyword;
import io.articlepipeline.schemas.avro.Organization;
import java.time.Instant;

/**
 * Builds the enriched record from the submitted one and what the enricher found. Fields the
 * submitter gave win; fields recognised in the page fill the gaps. Plain Java.
 */
public final class EnrichedArticleMapper {

  private EnrichedArticleMapper() {
  }

  public static ArticleEnriched map(ArticleSubmitted in, Enrichment e, Instant enrichedAt, long durationMicros) {
    PageFields page = e.page() == null ? new PageFields(null, null, null, null) : e.page();
    return ArticleEnriched.newBuilder()
        .setId(in.getId())
        .setRevision(in.getRevision())
        .setTitle(in.getTitle())
        .setBody(in.getBody())
        .setCleanBody(e.cleanBody() == null ? in.getBody() : e.cleanBody())
        .setUrl(in.getUrl())
        .setSource(firstNonBlank(in.getSource(), page.source()))
        .setAuthor(firstNonBlank(in.getAuthor(), page.author()))
        .setCategory(firstNonBlank(in.getCategory(), page.category()))
        .setLanguage(firstNonBlank(in.getLanguage(), e.language()))
        .setPublishedAt(in.getPublishedAt())
        .setSubmittedAt(in.getSubmittedAt())
        .setKeywords(e.keywords().stream().map(k -> new Keyword(k.text(), k.score())).toList())
        .setOrganizations(e.organizations().stream()
            .map(o -> new Organization(o.name(), o.type().name(), o.start(), o.end(), o.confidence()))
            .toList())
        .setTitleTokens(e.titleTokens())
        .setBodyTokens(e.bodyTokens())
        .setEnrichment(new EnrichmentInfo(e.version(), enrichedAt, durationMicros))
        .build();
  }

  private static String firstNonBlank(String given, String found) {
    return given != null && !given.isBlank() ? given : (found == null || found.isBlank() ? null : found);
  }
}
