package io.articlepipeline.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.index.IndexProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Search wiring: the enrich stage's tokenizer, the parser and the service. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

  /** Loaded once: the same segmentation and normalisation as the enrich stage. */
  @Bean
  ArticleEnricher articleEnricher() {
    return ArticleEnrichers.load(null);
  }

  @Bean
  SearchParamsParser searchParamsParser(IndexProperties props) {
    return new SearchParamsParser(props.getMaxQueryChars(), props.getDefaultPageSize(), props.getMaxPageSize(),
        props.getMaxResultWindow());
  }

  @Bean
  SearchService searchService(ElasticsearchClient client, IndexProperties props, ArticleEnricher enricher) {
    return new SearchService(client, props.getReadAlias(), enricher::indexTokens);
  }
}
