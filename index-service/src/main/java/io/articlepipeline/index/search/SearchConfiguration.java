package io.articlepipeline.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.articlepipeline.index.IndexProperties;
import io.articlepipeline.text.IndexTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Search wiring: the enrich stage's index tokens for queries, the parser and the service. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

  /** Loaded once: the same normalisation and segmentation as the enrich stage. */
  @Bean
  IndexTokens indexTokens() {
    return IndexTokens.plain();
  }

  @Bean
  SearchParamsParser searchParamsParser(IndexProperties props) {
    return new SearchParamsParser(props.getMaxQueryChars(), props.getDefaultPageSize(), props.getMaxPageSize(),
        props.getMaxResultWindow());
  }

  @Bean
  SearchService searchService(ElasticsearchClient client, IndexProperties props, IndexTokens indexTokens) {
    return new SearchService(client, props.getReadAlias(), indexTokens::of);
  }
}
