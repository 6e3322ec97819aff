package io.articlepipeline.enrich.app;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.schemas.retry.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.ClassUtils;

/** The {@code enrichArticle} function: the binding of the same name carries it. */
@Configuration
class EnrichFunctions {

  private static final Logger log = LoggerFactory.getLogger(EnrichFunctions.class);

  @Bean
  ArticleEnricher articleEnricher(EnrichProperties properties) {
    return ArticleEnrichers.load(properties.getGazetteer());
  }

  @Bean
  EnrichStage enrichStage(EnrichProperties properties, ArticleEnricher enricher) {
    Deserializer<?> deserializer = instantiate(properties.getValueDeserializer());
    Map<String, Object> config = new HashMap<>(properties.getDeserializerConfig());
    deserializer.configure(config, false);
    return new EnrichStage(deserializer, enricher, Clock.systemUTC(), properties.getRegistryWait(),
        Retry.Sleeper.THREAD);
  }

  @Bean
  Function<Message<Object>, Message<Object>> enrichArticle(EnrichStage stage, MeterRegistry meters) {
    Timer timer = Timer.builder("pipeline.enrich.duration").description("Time to enrich one article")
        .publishPercentileHistogram().register(meters);
    return message -> {
      String topic = String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
      Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
      meters.counter("pipeline.records.in", "stage", "enrich").increment();
      try {
        Object payload = message.getPayload();
        ArticleSubmitted article = stage.decode(topic, payload instanceof byte[] bytes ? bytes : null);
        if (article == null) {
          meters.counter("pipeline.records.out", "stage", "enrich", "kind", "tombstone").increment();
          return MessageBuilder.<Object>withPayload(KafkaNull.INSTANCE).setHeader(KafkaHeaders.KEY, key).build();
        }
        ArticleEnriched enriched = timer.record(() -> stage.enrich(article));
        meters.counter("pipeline.records.out", "stage", "enrich", "kind", "article").increment();
        return MessageBuilder.<Object>withPayload(enriched).setHeader(KafkaHeaders.KEY, article.getId()).build();
      } catch (RuntimeException e) {
        meters.counter("pipeline.records.failed", "stage", "enrich", "exception", e.getClass().getSimpleName())
            .increment();
        log.warn("Cannot enrich record topic={} partition={} offset={}: {}", topic,
            message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION), message.getHeaders().get(KafkaHeaders.OFFSET),
            e.toString());
        throw e;
      }
    };
  }

  private static Deserializer<?> instantiate(String className) {
    try {
      Class<?> type = ClassUtils.forName(className, EnrichFunctions.class.getClassLoader());
      return (Deserializer<?>) BeanUtils.instantiateClass(type);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException("pipeline.enrich.value-deserializer=" + className
          + " is not a Kafka Deserializer on the classpath", e);
    }
  }
}
