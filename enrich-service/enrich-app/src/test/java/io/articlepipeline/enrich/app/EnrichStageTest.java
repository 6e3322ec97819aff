package io.articlepipeline.enrich.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.enrich.core.ArticleEnricher;
import io.articlepipeline.enrich.core.Enrichment;
import io.articlepipeline.enrich.core.EnrichmentRequest;
import io.articlepipeline.enrich.core.Keyword;
import io.articlepipeline.enrich.core.Organization;
import io.articlepipeline.enrich.core.OrganizationType;
import io.articlepipeline.enrich.core.PageFields;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.schemas.avro.ArticleSubmitted;
import io.articlepipeline.serde.SchemaRegistryException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class EnrichStageTest {

  private static final ArticleSubmitted ARTICLE = ArticleSubmitted.newBuilder()
      .setId("a-1").setRevision(5).setTitle("标题").setBody("首页 > 志愿服务 > 正文\n郑州市上街区新时代文明实践中心开展志愿服务。")
      .setSource(null).setCategory(null).setSubmittedAt(Instant.parse("2026-11-28T10:00:00Z")).build();

  /** An enricher that answers from a fixed table: the stage's own logic is what is tested. */
  private final ArticleEnricher enricher = new FixedEnricher(request -> new Enrichment(
      List.of(new Keyword("志愿服务", 2.5)),
      List.of(new Organization("郑州市上街区新时代文明实践中心", OrganizationType.GOVERNMENT, 13, 28, 0.9)),
      new PageFields("标题", "志愿服务", "中国公益报道网", null),
      "郑州市上街区新时代文明实践中心开展志愿服务。", List.of("标题"), List.of("郑州市", "志愿", "服务"), "zh", "test/1"));

  private final Deserializer<Object> deserializer = (topic, bytes) -> {
    if (bytes[0] != 0) {
      throw new SerializationException("Unknown magic byte");
    }
    return bytes.length == 1 ? ARTICLE : "not an article";
  };
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static final byte[] ENCODED = {0, 0, 0, 0, 2};
  /** Writes every record as the same five bytes. */
  private final Serializer<Object> serializer = (topic, record) -> ENCODED;
  private final EnrichStage stage = new EnrichStage(deserializer, serializer, enricher, clock);

  @Test
  void mapsTheEnrichmentOntoTheRecord() {
    ArticleEnriched out = stage.enrich(ARTICLE);

    assertThat(out.getId()).isEqualTo("a-1");
    assertThat(out.getRevision()).isEqualTo(5);
    assertThat(out.getKeywords()).extracting(k -> k.getText()).containsExactly("志愿服务");
    assertThat(out.getOrganizations()).singleElement().satisfies(o -> {
      assertThat(o.getName()).isEqualTo("郑州市上街区新时代文明实践中心");
      assertThat(o.getType()).isEqualTo("GOVERNMENT");
      assertThat(o.getStart()).isEqualTo(13);
    });
    assertThat(out.getCleanBody()).doesNotContain("首页");
    assertThat(out.getEnrichment().getEnricherVersion()).isEqualTo("test/1");
    assertThat(out.getEnrichment().getEnrichedAt()).isEqualTo(clock.instant());
  }

  @Test
  void fillsMissingFieldsFromThePageButKeepsTheSubmittersOwn() {
    ArticleSubmitted withSource = ArticleSubmitted.newBuilder(ARTICLE).setSource("人民网").build();

    ArticleEnriched out = stage.enrich(withSource);

    assertThat(out.getSource()).isEqualTo("人民网");
    assertThat(out.getCategory()).isEqualTo("志愿服务");
    assertThat(out.getLanguage()).isEqualTo("zh");
  }

  @Test
  void decodesTombstonesToNull() {
    assertThat(stage.decode("articles.submitted", null)).isNull();
  }

  @Test
  void letsUndecodableBytesFailWithTheReason() {
    assertThatThrownBy(() -> stage.decode("articles.submitted", new byte[] {42}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
  }

  @Test
  void refusesRecordsOfAnotherType() {
    assertThatThrownBy(() -> stage.decode("articles.submitted", new byte[] {0, 1}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("Expected a ArticleSubmitted");
  }

  // ---- a registry outage: good records wait for it instead of becoming dead letters

  /** Fails like our deserializer does while the registry is down, {@code failures} times. */
  private static Deserializer<Object> registryDownFor(int[] failures, int status) {
    return (topic, bytes) -> {
      if (failures[0]-- > 0) {
        throw new SerializationException("Cannot read a record on topic " + topic + " with schema id 1",
            new SchemaRegistryException("Schema registry unreachable at http://127.0.0.1:8081/", status, -1, null));
      }
      return ARTICLE;
    };
  }

  @Test
  void aRecordWaitsForAnUnreachableRegistryWithGrowingPausesAndIsDecodedOnceItAnswers() {
    List<Duration> pauses = new ArrayList<>();
    EnrichStage waiting = new EnrichStage(registryDownFor(new int[] {4}, 0), serializer, enricher, clock, Duration.ofMinutes(8),
        pauses::add);

    assertThat(waiting.decode("articles.submitted", new byte[] {0})).isSameAs(ARTICLE);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8));
  }

  @Test
  void aRegistryDownLongerThanTheWaitDeadLettersTheRecordAndTheNextOnesDoNotWaitAgain() {
    List<Duration> pauses = new ArrayList<>();
    int[] failures = {1000};
    EnrichStage waiting = new EnrichStage(registryDownFor(failures, 503), serializer, enricher, clock, Duration.ofSeconds(100),
        pauses::add);

    assertThatThrownBy(() -> waiting.decode("articles.submitted", new byte[] {0}))
        .isInstanceOf(SerializationException.class).hasMessageContaining("stayed unreachable for 100 s");
    assertThat(pauses.stream().mapToLong(Duration::toSeconds).sum()).isEqualTo(100);
    assertThat(pauses).allMatch(p -> p.compareTo(Duration.ofSeconds(30)) <= 0);

    pauses.clear();
    assertThatThrownBy(() -> waiting.decode("articles.submitted", new byte[] {0}))
        .hasMessageContaining("still unreachable (an earlier record waited 100 s for it in vain)");
    assertThat(pauses).isEmpty();

    failures[0] = 0; // the registry is back: the next record is decoded, and later ones wait again
    assertThat(waiting.decode("articles.submitted", new byte[] {0})).isSameAs(ARTICLE);
    failures[0] = 1;
    assertThat(waiting.decode("articles.submitted", new byte[] {0})).isSameAs(ARTICLE);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void encodingWaitsForAnUnreachableRegistryToo() {
    List<Duration> pauses = new ArrayList<>();
    int[] failures = {2};
    Serializer<Object> registryDown = (topic, record) -> {
      if (failures[0]-- > 0) {
        throw new SerializationException("Cannot get a schema id for subject " + topic + "-value",
            new SchemaRegistryException("Schema registry unreachable at http://127.0.0.1:8081/", 0, -1, null));
      }
      return ENCODED;
    };
    EnrichStage waiting = new EnrichStage(deserializer, registryDown, enricher, clock, Duration.ofSeconds(5),
        pauses::add);
    ArticleEnriched enriched = waiting.enrich(ARTICLE);

    assertThat(waiting.encode("articles.enriched", enriched)).isSameAs(ENCODED);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

    // an outage longer than the wait: this record is dead-lettered, the next ones do not wait
    failures[0] = 1000;
    pauses.clear();
    assertThatThrownBy(() -> waiting.encode("articles.enriched", enriched))
        .isInstanceOf(SerializationException.class).hasMessageContaining("stayed unreachable for 5 s");
    assertThatThrownBy(() -> waiting.encode("articles.enriched", enriched))
        .hasMessageContaining("still unreachable");
    assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));

    // the registry answers again (a record decodes): encoding waits again
    failures[0] = 1;
    waiting.decode("articles.submitted", new byte[] {0});
    assertThat(waiting.encode("articles.enriched", enriched)).isSameAs(ENCODED);
    assertThat(pauses).hasSize(4);
  }

  @Test
  void anEncodingFailureThatIsNotTheRegistrysIsNotWaitedFor() {
    List<Duration> pauses = new ArrayList<>();
    Serializer<Object> broken = (topic, record) -> {
      throw new SerializationException("Cannot write a ArticleEnriched on topic " + topic + ": null in a non-null field");
    };
    EnrichStage waiting = new EnrichStage(deserializer, broken, enricher, clock, Duration.ofMinutes(8), pauses::add);

    assertThatThrownBy(() -> waiting.encode("articles.enriched", waiting.enrich(ARTICLE)))
        .hasMessageContaining("non-null field");
    assertThat(pauses).isEmpty();
  }

  @Test
  void aRecordTheRegistryKnowsNothingAboutIsNotWaitedFor() {
    List<Duration> pauses = new ArrayList<>();
    EnrichStage waiting = new EnrichStage(registryDownFor(new int[] {1}, 404), serializer, enricher, clock, Duration.ofMinutes(8),
        pauses::add);

    assertThatThrownBy(() -> waiting.decode("articles.submitted", new byte[] {0})).isInstanceOf(SerializationException.class);
    assertThat(pauses).isEmpty();
    assertThatThrownBy(() -> stage.decode("articles.submitted", new byte[] {1})).hasMessageContaining("magic byte");
  }

  @Test
  void aConnectionFailureUnderAnotherDeserializerCountsAsTheRegistryBeingDown() {
    assertThat(SchemaRegistryException.registryUnreachable(new SerializationException("Error retrieving Avro schema",
        new java.net.ConnectException("Connection refused")))).isTrue();
    assertThat(SchemaRegistryException.registryUnreachable(new SerializationException("Unknown magic byte!"))).isFalse();
  }
}
