package io.articlepipeline.index.bench;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.ArticleEnrichers;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.EnrichmentInfo;
import io.articlepipeline.schemas.avro.Keyword;
import io.articlepipeline.schemas.avro.Organization;
import io.articlepipeline.serde.AvroSerdeConfig;
import io.articlepipeline.serde.AvroSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A larger corpus for benchmarks: the news sentences of the NER training files (the training
 * data's ner-train/, not in the repository) grouped fifteen at a time into pseudo-articles,
 * enriched in-process by enrich-core and written as ArticleEnriched to a topic (args: TRAIN_DIR
 * topic [maxArticles]). Point an index-service at that topic to bench it.
 */
public final class BenchCorpus {

  private BenchCorpus() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: BenchCorpus TRAIN_DIR TOPIC [MAX_ARTICLES]");
      System.exit(2);
    }
    Path data = Path.of(args[0]);
    List<String> names = List.of("peoples-daily-a.jsonl", "peoples-daily-b.jsonl", "msra-val.jsonl", "cluener-train.jsonl");
    for (String file : names) {
      if (!Files.isRegularFile(data.resolve(file))) {
        System.err.println("BenchCorpus: " + data.resolve(file) + ": no such file; pass as TRAIN_DIR the directory"
            + " of the NER training files (" + String.join(", ", names) + ")");
        System.exit(2);
      }
    }
    String topic = args[1];
    int max = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
    String kafka = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    String registry = System.getenv().getOrDefault("SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081/apis/ccompat/v7");
    ArticleEnricher enricher = ArticleEnrichers.load(null);
    AvroSerializer serializer = new AvroSerializer();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry), false);
    JsonMapper json = JsonMapper.builder().build();
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    int n = 0;
    long chars = 0;
    long start = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer())) {
      for (String file : names) {
        List<String> sentences = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8)) {
          sentences.add(json.readTree(line).get("text").asString());
          if (sentences.size() == 15 && n < max) {
            String title = sentences.get(0).length() > 40 ? sentences.get(0).substring(0, 40) : sentences.get(0);
            String body = String.join("\n", sentences.subList(1, sentences.size()));
            chars += title.length() + body.length();
            ArticleEnriched a = enriched("bench-" + n, title, body, file.replace(".jsonl", ""), enricher.enrich(
                new EnrichmentRequest(title, body, "zh")));
            producer.send(new ProducerRecord<>(topic, a.getId(), serializer.serialize(topic, a)));
            sentences.clear();
            n++;
          }
        }
      }
      producer.flush();
    }
    System.out.printf("wrote %d articles (%d chars) to %s in %.1f s%n", n, chars, topic,
        (System.nanoTime() - start) / 1e9);
  }

  static ArticleEnriched enriched(String id, String title, String body, String source, Enrichment e) {
    List<Keyword> keywords = new ArrayList<>();
    e.keywords().forEach(k -> keywords.add(new Keyword(k.text(), k.score())));
    List<Organization> orgs = new ArrayList<>();
    e.organizations().forEach(o -> orgs.add(new Organization(o.name(), o.type().name(), o.start(), o.end(),
        o.confidence())));
    Instant now = Instant.now();
    return ArticleEnriched.newBuilder().setId(id).setRevision(1).setTitle(title).setBody(body)
        .setCleanBody(e.cleanBody() == null ? body : e.cleanBody()).setSource(source).setLanguage("zh")
        .setSubmittedAt(now).setKeywords(keywords).setOrganizations(orgs)
        .setTitleTokens(e.titleTokens()).setBodyTokens(e.bodyTokens())
        .setEnrichment(new EnrichmentInfo(e.version(), now, 0L)).build();
  }
}
