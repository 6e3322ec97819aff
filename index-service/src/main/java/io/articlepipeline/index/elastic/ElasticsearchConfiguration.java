package io.articlepipeline.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.articlepipeline.index.IndexProperties;
import io.articlepipeline.retry.Retry;
import java.time.Duration;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Elasticsearch client and the index layout, created (template, v1, aliases) at start-up. */
@Configuration(proxyBeanMethods = false)
public class ElasticsearchConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ElasticsearchConfiguration.class);

  @Bean(destroyMethod = "close")
  RestClient elasticsearchRestClient(IndexProperties props) {
    return RestClient.builder(HttpHost.create(props.getElasticsearchUrl()))
        .setRequestConfigCallback(c -> c.setConnectTimeout(5_000).setSocketTimeout(60_000))
        .build();
  }

  @Bean
  ElasticsearchClient elasticsearchClient(RestClient restClient) {
    return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper()));
  }

  @Bean
  IndexLayout indexLayout(IndexProperties props) {
    return new IndexLayout(props.getReadAlias(), props.getWriteAlias(), props.getIndexPrefix(),
        props.getTemplateName(), props.getShards(), props.getReplicas(), props.getRefreshInterval());
  }

  /** Created before the consumer binding starts, so the first batch finds its index. */
  @Bean
  IndexAdmin indexAdmin(ElasticsearchClient client, IndexLayout layout, IndexProperties props) throws Exception {
    IndexAdmin admin = new IndexAdmin(client, layout);
    Retry retry = new Retry(12, Duration.ofMillis(500), Duration.ofSeconds(5));
    try {
      retry.call(() -> {
        admin.ensureLayout();
        return null;
      }, e -> e instanceof java.io.IOException);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Elasticsearch at " + props.getElasticsearchUrl()
          + " is not reachable (set ELASTICSEARCH_URL / pipeline.index.elasticsearch-url): " + e.getMessage(), e);
    }
    log.info("Index layout ready: read alias {} -> {}, write alias {} -> {}", layout.readAlias(),
        admin.readIndex().orElse("?"), layout.writeAlias(), admin.writeIndex().orElse("?"));
    return admin;
  }
}
