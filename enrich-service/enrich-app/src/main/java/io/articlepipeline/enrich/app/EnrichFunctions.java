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
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Value;
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
  @SuppressWarnings("unchecked")
  EnrichStage enrichStage(EnrichProperties properties, ArticleEnricher enricher) {
    Deserializer<?> deserializer = instantiate(properties.getValueDeserializer(), Deserializer.class,
        "pipeline.enrich.value-deserializer");
    deserializer.configure(new HashMap<String, Object>(properties.getDeserializerConfig()), false);
    Serializer<Object> serializer = instantiate(properties.getValueSerializer(), Serializer.class,
        "pipeline.enrich.value-serializer");
    serializer.configure(new HashMap<String, Object>(properties.getSerializerConfig()), false);
    return new EnrichStage(deserializer, serializer, enricher, Clock.systemUTC(), properties.getRegistryWait(),
        Retry.Sleeper.THREAD);
  }

  @Bean
  Function<Message<Object>, Message<Object>> enrichArticle(EnrichStage stage, MeterRegistry meters,
      @Value("${spring.cloud.stream.bindings.enrichArticle-out-0.destination}") String outputTopic) {
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
        byte[] value = stage.encode(outputTopic, enriched);
        meters.counter("pipeline.records.out", "stage", "enrich", "kind", "article").increment();
        return MessageBuilder.<Object>withPayload(value).setHeader(KafkaHeaders.KEY, article.getId()).build();
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

  private static <T> T instantiate(String className, Class<T> kind, String property) {
    try {
      return kind.cast(BeanUtils.instantiateClass(ClassUtils.forName(className, EnrichFunctions.class.getClassLoader())));
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException(property + "=" + className + " is not a Kafka " + kind.getSimpleName()
          + " on the classpath", e);
    }
  }
}
