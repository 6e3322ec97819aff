package io.articlepipeline.index.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.HighlighterType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the Elasticsearch request of a search: plain logic, no I/O. The query text is segmented
 * by the enrich stage's tokenizer and matched against the stored tokens (title boosted), with
 * phrase matches on the standard-analysed text as a bonus and an all-terms standard match for recall.
 */
public class SearchQueryBuilder {

  /** Fields returned for a hit (the body only as a highlighted snippet). */
  static final List<String> HIT_FIELDS = List.of("id", "title", "story", "keywords", "organizations", "source",
      "category", "language", "author", "url", "publishedAt", "submittedAt");
  /** The collapsed hit's inner hits: its story's other matching articles (counted, not fetched). */
  static final String COPIES = "copies";
  /** Distinct stories among the matches, with collapse. */
  static final String STORIES = "stories";
  /** Cardinality is exact up to this many stories (Elasticsearch's maximum). */
  static final int STORIES_PRECISION = 40_000;
  /** Facets: response name -> keyword field. */
  static final List<String[]> TERM_FACETS = List.of(
      new String[] {"organizations", "organizationNames"},
      new String[] {"keywords", "keywordTexts"},
      new String[] {"sources", "source"},
      new String[] {"categories", "category"},
      new String[] {"languages", "language"});
  static final String MONTHS_FACET = "months";
  static final int FACET_SIZE = 10;
  static final int SNIPPET_CHARS = 160;
  /**
   * The highlighter analyses the stored text (the mappings keep no offsets, which makes indexing
   * cheaper) and looks for matches in this many characters of it at most: Elasticsearch refuses
   * the whole search when a hit's text is longer than its limit (1,000,000) unless the request
   * sets one, and a match that far into a page makes no snippet a reader would see anyway.
   */
  static final int HIGHLIGHT_MAX_CHARS = 100_000;
  /** More tokens than this are cut: a pasted paragraph is still a fair query. */
  static final int MAX_TOKENS = 32;
  /** Tokens in a query of up to two words must all match; above that three in four. */
  static final String TOKENS_MINIMUM_SHOULD_MATCH = "2<75%";

  static final String ORG_SUGGESTER = "organizations";
  static final String KEYWORD_SUGGESTER = "keywords";
  /** The keyword fields suggestions are read from. */
  static final String ORG_FIELD = "organizationNames";
  static final String KEYWORD_FIELD = "keywordTexts";

  private final String index;

  /** @param index the index or read alias searched */
  public SearchQueryBuilder(String index) {
    this.index = index;
  }

  /** The search request for validated params and the query's index tokens. */
  public SearchRequest build(SearchParams params, List<String> queryTokens, boolean withFacets) {
    List<String> tokens = distinct(queryTokens);
    Query text = params.hasText() ? textQuery(params.q(), tokens) : Query.of(q -> q.matchAll(m -> m));
    List<Query> filters = filters(params);
    Query query = Query.of(q -> q.bool(b -> b.must(text).filter(filters)));

    return SearchRequest.of(s -> {
      s.index(index)
          .query(query)
          .size(params.size())
          .trackTotalHits(t -> t.enabled(true))
          .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
          .sort(sort(params.sort()));
      if (params.cursor() != null) {
        s.searchAfter(params.cursor().stream().map(SearchQueryBuilder::fieldValue).toList());
      } else {
        s.from((params.page() - 1) * params.size());
      }
      if (params.collapse()) {
        // the best article of each story stands for it; how many others match is its inner hits' total
        s.collapse(c -> c.field("story").innerHits(ih -> ih.name(COPIES).size(0)));
        s.aggregations(STORIES, a -> a.cardinality(c -> c.field("story").precisionThreshold(STORIES_PRECISION)));
      }
      s.highlight(h -> {
        h.type(HighlighterType.Unified).maxAnalyzedOffset(HIGHLIGHT_MAX_CHARS)
            .preTags(Snippets.PRE).postTags(Snippets.POST)
            .fields("body", f -> f.fragmentSize(SNIPPET_CHARS).numberOfFragments(2).noMatchSize(SNIPPET_CHARS))
            .fields("title", f -> f.numberOfFragments(0));
        if (params.hasText()) {
          h.highlightQuery(highlightQuery(params.q(), tokens));
        }
        return h;
      });
      if (withFacets) {
        for (String[] facet : TERM_FACETS) {
          s.aggregations(facet[0], a -> a.terms(t -> t.field(facet[1]).size(FACET_SIZE)));
        }
        s.aggregations(MONTHS_FACET, a -> a.dateHistogram(d -> d.field("date")
            .calendarInterval(CalendarInterval.Month).format("yyyy-MM").minDocCount(1)));
      }
      return s;
    });
  }

  /**
   * Articles like one document: its tokens, keywords and organizations; the document itself
   * excluded, and with {@code title} also every article under that headline (its copies).
   */
  public SearchRequest similar(String docIndex, String id, String title, int size) {
    return SearchRequest.of(s -> s.index(index)
        .size(size)
        .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
        .query(q -> q.bool(b -> {
          b.must(m -> m.moreLikeThis(mlt -> mlt
              .fields("tokens", "keywordTexts", "organizationNames")
              .like(l -> l.document(d -> d.index(docIndex).id(id)))
              .minTermFreq(1)
              .minDocFreq(1)
              .maxQueryTerms(40)
              .minimumShouldMatch("10%")));
          if (title != null && !title.isBlank()) {
            b.mustNot(n -> n.matchPhrase(p -> p.field("title").query(title)));
          }
          return b;
        }))
        .highlight(h -> h.type(HighlighterType.Unified).maxAnalyzedOffset(HIGHLIGHT_MAX_CHARS)
            .preTags(Snippets.PRE).postTags(Snippets.POST)
            .fields("body", f -> f.fragmentSize(SNIPPET_CHARS).numberOfFragments(1).noMatchSize(SNIPPET_CHARS))
            .highlightQuery(q -> q.matchNone(mn -> mn))));
  }

  /**
   * Organizations and keywords that start with what the reader has typed so far (ignoring case),
   * most frequent first: the articles with such a name or keyword, and a terms aggregation over
   * {@code organizationNames} and {@code keywordTexts} keeping only the values with that prefix.
   * With {@code normalized} (the enrich stage's normalisation, e.g. Simplified for Traditional)
   * when it differs, so 紅十字 also completes 红十字会. Read from the keyword fields' doc values: no
   * completion field, whose suggester structure Elasticsearch rebuilds at every flush and merge
   * (a quarter of its indexing CPU).
   */
  public SearchRequest suggest(String prefix, String normalized, int size) {
    List<String> prefixes = new ArrayList<>(List.of(prefix));
    if (normalized != null && !normalized.isBlank() && !normalized.equalsIgnoreCase(prefix)) {
      prefixes.add(normalized);
    }
    String include = prefixes.stream().map(SearchQueryBuilder::caseInsensitivePrefixRegex)
        .collect(Collectors.joining("|"));
    List<Query> should = new ArrayList<>();
    for (String field : List.of(ORG_FIELD, KEYWORD_FIELD)) {
      for (String p : prefixes) {
        should.add(Query.of(q -> q.prefix(x -> x.field(field).value(p).caseInsensitive(true))));
      }
    }
    return SearchRequest.of(s -> s.index(index)
        .size(0)
        .trackTotalHits(t -> t.enabled(false))
        .query(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")))
        .aggregations(ORG_SUGGESTER, a -> a.terms(t -> t.field(ORG_FIELD).size(size).include(i -> i.regexp(include))))
        .aggregations(KEYWORD_SUGGESTER, a -> a.terms(t -> t.field(KEYWORD_FIELD).size(size)
            .include(i -> i.regexp(include)))));
  }

  /**
   * A Lucene regular expression for values starting with {@code prefix}, letters in either case:
   * a letter with two cases becomes a class of both, any other character but a letter or digit is
   * escaped one by one.
   */
  static String caseInsensitivePrefixRegex(String prefix) {
    StringBuilder sb = new StringBuilder("(");
    prefix.codePoints().forEach(c -> {
      int lower = Character.toLowerCase(c);
      int upper = Character.toUpperCase(c);
      if (lower != upper) {
        sb.append('[').appendCodePoint(lower).appendCodePoint(upper).append(']');
      } else if (Character.isLetterOrDigit(c)) {
        sb.appendCodePoint(c);
      } else {
        sb.append('\\').appendCodePoint(c); // a backslash makes any character literal
      }
    });
    return sb.append(").*").toString();
  }

  /** The text part: segmented tokens first, standard analysis for phrases and recall. */
  Query textQuery(String q, List<String> tokens) {
    String joined = String.join(" ", tokens);
    List<Query> should = new ArrayList<>();
    if (!joined.isEmpty()) {
      should.add(Query.of(x -> x.match(m -> m.field("titleTokens").query(joined)
          .minimumShouldMatch(TOKENS_MINIMUM_SHOULD_MATCH).boost(3f))));
      should.add(Query.of(x -> x.match(m -> m.field("tokens").query(joined)
          .minimumShouldMatch(TOKENS_MINIMUM_SHOULD_MATCH))));
    }
    should.add(Query.of(x -> x.matchPhrase(m -> m.field("title").query(q).boost(5f))));
    should.add(Query.of(x -> x.matchPhrase(m -> m.field("body").query(q).boost(5f))));
    should.add(Query.of(x -> x.match(m -> m.field("body").query(q).operator(Operator.And).boost(0.2f))));
    return Query.of(x -> x.bool(b -> b.should(should).minimumShouldMatch("1")));
  }

  /** What the highlighter marks: each token as a phrase in the displayed (standard-analysed) text. */
  Query highlightQuery(String q, List<String> tokens) {
    List<Query> should = new ArrayList<>();
    for (String token : tokens) {
      should.add(Query.of(x -> x.matchPhrase(m -> m.field("body").query(token))));
      should.add(Query.of(x -> x.matchPhrase(m -> m.field("title").query(token))));
    }
    should.add(Query.of(x -> x.matchPhrase(m -> m.field("body").query(q))));
    should.add(Query.of(x -> x.matchPhrase(m -> m.field("title").query(q))));
    return Query.of(x -> x.bool(b -> b.should(should)));
  }

  List<Query> filters(SearchParams p) {
    List<Query> filters = new ArrayList<>();
    terms(filters, "organizationNames", p.orgs());
    terms(filters, "keywordTexts", p.keywords());
    terms(filters, "source", p.sources());
    terms(filters, "category", p.categories());
    terms(filters, "language", p.languages());
    terms(filters, "story", p.stories());
    if (p.from() != null || p.to() != null) {
      filters.add(Query.of(x -> x.range(r -> r.date(d -> {
        d.field("date");
        if (p.from() != null) {
          d.gte(p.from().toString());
        }
        if (p.to() != null) {
          d.lt(p.to().plusDays(1).toString());
        }
        return d.format("strict_date_optional_time||yyyy-MM-dd");
      }))));
    }
    return filters;
  }

  static List<SortOptions> sort(SearchSort sort) {
    List<SortOptions> out = new ArrayList<>();
    if (sort == SearchSort.RELEVANCE) {
      out.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
    }
    out.add(SortOptions.of(o -> o.field(f -> f.field("date").order(SortOrder.Desc).missing("_last"))));
    out.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
    return out;
  }

  private static void terms(List<Query> filters, String field, List<String> values) {
    if (!values.isEmpty()) {
      List<FieldValue> v = values.stream().map(FieldValue::of).toList();
      filters.add(Query.of(x -> x.terms(t -> t.field(field).terms(tv -> tv.value(v)))));
    }
  }

  private static FieldValue fieldValue(Object o) {
    if (o instanceof Integer || o instanceof Long) {
      return FieldValue.of(((Number) o).longValue());
    }
    if (o instanceof Number n) {
      return FieldValue.of(n.doubleValue());
    }
    return FieldValue.of(String.valueOf(o));
  }

  private static List<String> distinct(List<String> tokens) {
    LinkedHashSet<String> set = new LinkedHashSet<>();
    for (String t : tokens) {
      if (t != null && !t.isBlank()) {
        set.add(t.strip());
      }
      if (set.size() == MAX_TOKENS) {
        break;
      }
    }
    return List.copyOf(set);
  }
}
