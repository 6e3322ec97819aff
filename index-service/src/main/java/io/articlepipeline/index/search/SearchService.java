package io.articlepipeline.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Runs searches and article look-ups against the read alias. */
public class SearchService {

  private final ElasticsearchClient client;
  private final String readAlias;
  private final Function<String, List<String>> tokenizer;
  private final SearchQueryBuilder builder;
  private final CollapseReadiness collapseReadiness;

  /** @param tokenizer the index tokens of a text, as the enrich stage computes them (IndexTokens::of) */
  public SearchService(ElasticsearchClient client, String readAlias, Function<String, List<String>> tokenizer) {
    this.client = client;
    this.readAlias = readAlias;
    this.tokenizer = tokenizer;
    this.builder = new SearchQueryBuilder(readAlias);
    this.collapseReadiness = new CollapseReadiness(() -> client.count(c -> c.index(readAlias)
        .query(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("story")))))).count(), System::nanoTime);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  public SearchResult search(SearchParams params) throws IOException {
    if (params.collapse() && !collapseReadiness.ready()) {
      params = withoutCollapse(params);
    }
    List<String> tokens = params.hasText() ? tokenizer.apply(params.q()) : List.of();
    SearchRequest request = builder.build(params, tokens, true);
    SearchResponse<Map> response = client.search(request, Map.class);
    List<SearchResult.Hit> hits = new ArrayList<>();
    List<FieldValue> lastSort = null;
    for (Hit<Map> hit : response.hits().hits()) {
      SearchResult.Hit h = toHit(hit.id(), hit.source(), hit.highlight(), hit.score());
      if (params.collapse()) {
        var copies = hit.innerHits().get(SearchQueryBuilder.COPIES);
        long all = copies == null || copies.hits().total() == null ? 1 : copies.hits().total().value();
        h = h.withCopies((int) Math.max(0, all - 1));
      }
      hits.add(h);
      lastSort = hit.sort();
    }
    long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
    Long stories = null;
    if (params.collapse()) {
      Aggregate a = response.aggregations().get(SearchQueryBuilder.STORIES);
      stories = a != null && a.isCardinality() ? a.cardinality().value() : null;
    }
    int page = params.cursor() == null ? params.page() : 1;
    String next = null;
    long listed = stories != null ? stories : total;
    boolean more = hits.size() == params.size()
        && (params.cursor() != null || (long) params.page() * params.size() < listed);
    if (more && lastSort != null && !params.collapse()) {
      next = Cursors.encode(params.sort(), lastSort.stream().map(SearchService::plain).toList());
    }
    return new SearchResult(total, response.took(), page, params.size(), params.sort().name().toLowerCase(),
        hits, next, facets(response.aggregations()), params.collapse(), stories);
  }

  private static SearchParams withoutCollapse(SearchParams p) {
    return new SearchParams(p.q(), p.orgs(), p.keywords(), p.sources(), p.categories(), p.languages(), p.stories(),
        p.from(), p.to(), p.sort(), p.page(), p.size(), p.cursor(), false);
  }

  /**
   * Articles like {@code id} (more_like_this on tokens, keywords and organizations), each story once
   * and no copy of this one, or empty if no such article.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Optional<List<SearchResult.Hit>> similar(String id, int size) throws IOException {
    GetResponse<Map> doc = client.get(g -> g.index(readAlias).id(id).sourceIncludes("id", "title"), Map.class);
    if (!doc.found()) {
      return Optional.empty();
    }
    String index = doc.index();
    String title = doc.source() != null && doc.source().get("title") instanceof String t ? t : null;
    // copies of this story are excluded by the query; a few more than asked for, because repeats
    // of another story are left out below
    SearchResponse<Map> response = client.search(builder.similar(index, id, title, Math.min(3 * size, 100)), Map.class);
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (Hit<Map> hit : response.hits().hits()) {
      hits.add(toHit(hit.id(), hit.source(), hit.highlight(), hit.score()));
    }
    return Optional.of(DistinctHits.of(title, hits, size));
  }

  /** Organizations and keywords starting with {@code prefix} (or its normalised form), most frequent first. */
  @SuppressWarnings({"rawtypes"})
  public Suggestions suggest(String prefix, int size) throws IOException {
    if (prefix.isBlank()) {
      return new Suggestions(prefix, List.of(), List.of());
    }
    String normalized = String.join("", tokenizer.apply(prefix));
    SearchResponse<Map> response = client.search(builder.suggest(prefix, normalized, size), Map.class);
    return new Suggestions(prefix, values(response, SearchQueryBuilder.ORG_SUGGESTER),
        values(response, SearchQueryBuilder.KEYWORD_SUGGESTER));
  }

  /** Suggestions for a prefix. */
  public record Suggestions(String prefix, List<String> organizations, List<String> keywords) {
  }

  @SuppressWarnings({"rawtypes"})
  private static List<String> values(SearchResponse<Map> response, String name) {
    List<String> out = new ArrayList<>();
    Aggregate a = response.aggregations().get(name);
    if (a != null && a.isSterms()) {
      a.sterms().buckets().array().forEach(b -> out.add(b.key().stringValue()));
    }
    return out;
  }

  /** The revision and indexing time of the searchable copy ({@code revision}, {@code indexedAt}), or empty. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Optional<Map<String, Object>> indexedRevision(String id) throws IOException {
    GetResponse<Map> response = client.get(g -> g.index(readAlias).id(id)
        .sourceIncludes("revision", "indexedAt"), Map.class);
    if (!response.found() || response.source() == null) {
      return Optional.empty();
    }
    return Optional.of((Map<String, Object>) response.source());
  }

  /** The stored article without its tokens, or empty. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Optional<Map<String, Object>> article(String id) throws IOException {
    GetResponse<Map> response = client.get(g -> g.index(readAlias).id(id)
        // (the suggest fields are in documents indexed before suggestions were read from the keyword fields)
        .sourceExcludes("tokens", "titleTokens", "organizationSuggest", "keywordSuggest"), Map.class);
    if (!response.found() || response.source() == null) {
      return Optional.empty();
    }
    return Optional.of((Map<String, Object>) response.source());
  }

  @SuppressWarnings("unchecked")
  static SearchResult.Hit toHit(String id, Map<String, Object> source, Map<String, List<String>> highlight,
                                Double score) {
    Map<String, Object> src = source == null ? Map.of() : source;
    String title = str(src.get("title"));
    List<String> titleFragments = highlight == null ? null : highlight.get("title");
    String titleHtml = titleFragments == null || titleFragments.isEmpty()
        ? Snippets.escape(title == null ? "" : title)
        : Snippets.toHtml(titleFragments.get(0));
    List<String> bodyFragments = highlight == null ? null : highlight.get("body");
    String snippet = bodyFragments == null || bodyFragments.isEmpty() ? ""
        : String.join(" … ", bodyFragments.stream().map(Snippets::toHtml).toList());
    List<String> keywords = new ArrayList<>();
    if (src.get("keywords") instanceof List<?> ks) {
      for (Object k : ks) {
        if (k instanceof Map<?, ?> m && m.get("text") != null) {
          keywords.add(m.get("text").toString());
        }
      }
    }
    List<SearchResult.OrgRef> orgs = new ArrayList<>();
    if (src.get("organizations") instanceof List<?> os) {
      for (Object o : os) {
        if (o instanceof Map<?, ?> m && m.get("name") != null) {
          orgs.add(new SearchResult.OrgRef(m.get("name").toString(), str(m.get("type"))));
        }
      }
    }
    String published = str(src.get("publishedAt"));
    return new SearchResult.Hit(id, title, titleHtml, snippet, keywords, orgs, str(src.get("source")),
        str(src.get("category")), str(src.get("language")), str(src.get("url")),
        published != null ? published : str(src.get("submittedAt")),
        score == null || score.isNaN() ? null : score, str(src.get("story")), null);
  }

  private static Map<String, List<SearchResult.FacetCount>> facets(Map<String, Aggregate> aggs) {
    Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
    if (aggs == null || aggs.isEmpty()) {
      return out;
    }
    for (String[] facet : SearchQueryBuilder.TERM_FACETS) {
      Aggregate a = aggs.get(facet[0]);
      List<SearchResult.FacetCount> counts = new ArrayList<>();
      if (a != null && a.isSterms()) {
        a.sterms().buckets().array().forEach(b -> counts.add(new SearchResult.FacetCount(b.key().stringValue(),
            b.docCount())));
      }
      out.put(facet[0], counts);
    }
    Aggregate months = aggs.get(SearchQueryBuilder.MONTHS_FACET);
    List<SearchResult.FacetCount> monthCounts = new ArrayList<>();
    if (months != null && months.isDateHistogram()) {
      months.dateHistogram().buckets().array().forEach(b -> monthCounts.add(
          new SearchResult.FacetCount(b.keyAsString(), b.docCount())));
    }
    out.put(SearchQueryBuilder.MONTHS_FACET, monthCounts);
    return out;
  }

  private static Object plain(FieldValue v) {
    if (v.isLong()) {
      return v.longValue();
    }
    if (v.isDouble()) {
      return v.doubleValue();
    }
    if (v.isString()) {
      return v.stringValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    return String.valueOf(v._get());
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
