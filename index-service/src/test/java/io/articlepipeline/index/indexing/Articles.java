package io.articlepipeline.index.indexing;

import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.EnrichmentInfo;
import io.articlepipeline.schemas.avro.Keyword;
import io.articlepipeline.schemas.avro.Organization;
import java.time.Instant;
import java.util.List;

/** Test articles. */
public final class Articles {

  private Articles() {
  }

  public static ArticleEnriched.Builder article(String id, long revision) {
    return ArticleEnriched.newBuilder()
        .setId(id)
        .setRevision(revision)
        .setTitle("郑州市上街区志愿服务队开展活动")
        .setBody("原文 <b>正文</b>")
        .setCleanBody("郑州市上街区新时代文明实践中心组织志愿服务队走进社区。")
        .setUrl("https://example.org/" + id)
        .setSource("上街区融媒体中心")
        .setAuthor(null)
        .setCategory("volunteer")
        .setLanguage("zh")
        .setPublishedAt(Instant.parse("2024-05-01T08:00:00Z"))
        .setSubmittedAt(Instant.parse("2024-05-02T09:00:00Z"))
        .setKeywords(List.of(new Keyword("志愿服务", 0.9), new Keyword("社区", 0.5)))
        .setOrganizations(List.of(new Organization("郑州市上街区新时代文明实践中心", "GOVERNMENT", 0, 15, 0.8)))
        .setTitleTokens(List.of("郑州市", "上街区", "志愿", "服务队", "开展", "活动"))
        .setBodyTokens(List.of("郑州市", "上街区", "新时代", "文明", "实践", "中心", "组织", "志愿", "服务队", "走进", "社区"))
        .setEnrichment(new EnrichmentInfo("test/1", Instant.parse("2024-05-02T09:00:01Z"), 1200L));
  }
}
