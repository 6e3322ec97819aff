package io.articlepipeline.index.it;

import io.articlepipeline.support.kafka.LiveGate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.articlepipeline.index.IndexProperties;
import io.articlepipeline.index.elastic.IndexAdmin;

import io.articlepipeline.index.reindex.ReindexConfiguration;
import io.articlepipeline.index.reindex.ReindexStatus;
import io.articlepipeline.index.reindex.Reindexer;
import io.articlepipeline.schemas.avro.ArticleEnriched;
import io.articlepipeline.support.kafka.KafkaClientSettings;
import io.articlepipeline.support.kafka.RecordDecoder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import io.articlepipeline.testing.StackEnv;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The zero-downtime rebuild on the real stack: a new index version is filled by replaying the
 * topic, articles arriving meanwhile land in it too, the aliases switch, and searches keep
 * answering with every article throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReindexIT {

  private static final String TOKEN = "reindex-it-token";
  private final String run = "it" + UUID.randomUUID().toString().substring(0, 8);
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private IndexServiceApp app;

  @BeforeAll
  void start() throws Exception {
    app = IndexServiceApp.start(run, "--pipeline.auth.tokens.ops=" + TOKEN);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  void rebuildsIntoANewVersionWhileSearchesKeepAnswering() throws Exception {
    app.publish(articles(0, 20));
    await().atMost(Duration.ofSeconds(60)).until(() -> total() == 20);

    HttpResponse<String> denied = send("POST", "/api/admin/reindex", null);
    assertThat(denied.statusCode()).isEqualTo(401);

    List<String> problems = new CopyOnWriteArrayList<>();
    AtomicBoolean searching = new AtomicBoolean(true);
    Thread searcher = new Thread(() -> {
      while (searching.get()) {
        try {
          long t = total();
          if (t < 20) {
            problems.add("total " + t);
          }
        } catch (Exception e) {
          problems.add(e.toString());
        }
      }
    });
    searcher.start();

    HttpResponse<String> started = send("POST", "/api/admin/reindex", TOKEN);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    app.publish(articles(20, 25));
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
      String phase = json.readTree(send("GET", "/api/admin/reindex", TOKEN).body()).get("phase").asString();
      return phase.equals("DONE") || phase.equals("FAILED");
    });
    JsonNode status = json.readTree(send("GET", "/api/admin/reindex", TOKEN).body());
    assertThat(status.get("phase").asString()).as(status.toString()).isEqualTo("DONE");
    assertThat(status.get("fromIndex").asString()).isEqualTo(run + "-articles-v1");
    assertThat(status.get("toIndex").asString()).isEqualTo(run + "-articles-v2");

    await().atMost(Duration.ofSeconds(60)).until(() -> total() == 25);
    searching.set(false);
    searcher.join();
    assertThat(problems).as("searches during the rebuild").isEmpty();

    JsonNode aliases = json.readTree(http.send(HttpRequest.newBuilder(URI.create(StackEnv.elasticsearch() + "/"
        + run + "-articles-v2/_alias")).build(), HttpResponse.BodyHandlers.ofString()).body());
    JsonNode v2 = aliases.get(run + "-articles-v2").get("aliases");
    assertThat(v2.has(run + "-articles")).isTrue();
    assertThat(v2.get(run + "-articles-write").get("is_write_index").asBoolean()).isTrue();
  }

  /**
   * A rebuild the service stopped in the middle of is never left half-done. Stopped after it
   * moved the writes (SWITCHING_READS), new articles would go to a version no search reads: the
   * restarted service moves the writes back and starts the rebuild again by itself. Stopped
   * before (REPLAYING), the half-built version takes no writes: the next rebuild deletes it and
   * builds that version afresh.
   */
  @Test
  void aRebuildInterruptedByARestartIsResumedOrCleanedUp() throws Exception {
    String other = "it" + UUID.randomUUID().toString().substring(0, 8);
    IndexServiceApp first = IndexServiceApp.start(other, "--pipeline.auth.tokens.ops=" + TOKEN);
    IndexServiceApp second = null;
    try {
      first.publish(articles(0, 10));
      await().atMost(Duration.ofSeconds(60)).until(() -> total(first) == 10);
      first.stop();
      // the state a rebuild leaves when the service dies after moving the writes: v2 created (its
      // replay cut short), the write alias on it, the read alias still on v1
      elastic("PUT", "/" + other + "-articles-v2", "{}");
      elastic("POST", "/_aliases", "{\"actions\":[{\"remove\":{\"index\":\"" + other + "-articles-v1\",\"alias\":\""
          + other + "-articles-write\"}},{\"add\":{\"index\":\"" + other + "-articles-v2\",\"alias\":\"" + other
          + "-articles-write\",\"is_write_index\":true}}]}");
      first.publish(articles(10, 15));

      second = IndexServiceApp.start(other, "--pipeline.auth.tokens.ops=" + TOKEN);
      JsonNode resumed = awaitRebuild(second);
      assertThat(resumed.get("phase").asString()).as(resumed.toString()).isEqualTo("DONE");
      assertThat(resumed.get("fromIndex").asString()).isEqualTo(other + "-articles-v1");
      assertThat(resumed.get("toIndex").asString()).isEqualTo(other + "-articles-v2");
      IndexServiceApp app2 = second;
      await().atMost(Duration.ofSeconds(60)).until(() -> total(app2) == 15);
      assertThat(aliases(other + "-articles-v2")).contains(other + "-articles", other + "-articles-write");

      // a rebuild that died while replaying left v3 half-built, aliases still on v2
      elastic("PUT", "/" + other + "-articles-v3/_doc/ghost?refresh=true",
          "{\"id\":\"ghost\",\"title\":\"志愿服务\",\"body\":\"志愿服务\"}");
      HttpResponse<String> started = send(second, "POST", "/api/admin/reindex", TOKEN);
      assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
      JsonNode rebuilt = awaitRebuild(second);
      assertThat(rebuilt.get("phase").asString()).as(rebuilt.toString()).isEqualTo("DONE");
      assertThat(rebuilt.get("toIndex").asString()).as("the half-built version is built afresh, not skipped")
          .isEqualTo(other + "-articles-v3");
      assertThat(total(second)).isEqualTo(15);
      JsonNode ghost = json.readTree(elastic("GET", "/" + other + "-articles-v3/_doc/ghost", null));
      assertThat(ghost.path("found").asBoolean()).as("what the abandoned version held").isFalse();
    } finally {
      first.stop();
      (second != null ? second : first).close();
    }
  }

  /**
   * While the rebuild moves the writes, the live stage writes into the new version records the
   * replay may not have reached yet. Here an article is retracted while the rebuild replays and
   * submitted again (a higher revision) just as it moves the writes: the replayed retraction must
   * not remove the newer revision the live stage writes. The rebuild's consumer runs the two
   * steps at its polls, so the timing is the same in every run.
   */
  @Test
  void aRetractionReplayedWhileTheWritesMoveNeverRemovesANewerRevision() throws Exception {
    String other = "it" + UUID.randomUUID().toString().substring(0, 8);
    IndexServiceApp live = IndexServiceApp.start(other, "--pipeline.auth.tokens.ops=" + TOKEN);
    try {
      live.publish(articles(0, 5));
      await().atMost(Duration.ofSeconds(60)).until(() -> total(live) == 5);
      AtomicReference<Reindexer> reindexer = new AtomicReference<>();
      AtomicInteger step = new AtomicInteger();
      AfterPoll afterEachPoll = consumer -> {
        String phase = reindexer.get().status().phase();
        if (phase.equals("REPLAYING") && step.get() == 0 && caughtUp(consumer)) {
          // the replay has read the whole topic: the retraction comes after its first round
          step.set(1);
          live.retract("r0");
          await().atMost(Duration.ofSeconds(30)).until(() -> revisionIn(other + "-articles-v1", "r0") == 0);
        } else if (!phase.equals("REPLAYING") && step.get() == 1) {
          // the replay has just read the retraction and not yet written it
          step.set(2);
          live.publish(List.of(IndexServiceApp.article("r0", 3, "志愿服务活动第0期（更新）", "社区志愿者开展第0期志愿服务活动。")
              .build()));
          // written by the live stage, wherever its writes go now; a held stage writes it later
          try {
            await().atMost(Duration.ofSeconds(10)).until(() -> revisionIn(other + "-articles-v1", "r0") == 3
                || revisionIn(other + "-articles-v2", "r0") == 3);
          } catch (ConditionTimeoutException held) {
            assertThat(live.context.getBean(LiveGate.class).isClosed()).as("the live stage is held").isTrue();
          }
        }
      };
      IndexProperties props = live.context.getBean(IndexProperties.class);
      @SuppressWarnings("unchecked")
      RecordDecoder<ArticleEnriched> decoder = live.context.getBean(RecordDecoder.class);
      reindexer.set(ReindexConfiguration.reindexer(live.context.getBean(IndexAdmin.class),
          live.context.getBean(ElasticsearchClient.class), props, live.topic, decoder,
          live.context.getBean(LiveGate.class), () -> polling(ReindexConfiguration.consumer(live.context.getBean(KafkaClientSettings.class)), afterEachPoll)));
      assertThat(reindexer.get().claim()).isTrue();
      ReindexStatus done = reindexer.get().run();

      assertThat(done.phase()).as(done.toString()).isEqualTo("DONE");
      assertThat(done.toIndex()).isEqualTo(other + "-articles-v2");
      assertThat(step.get()).as("both steps ran").isEqualTo(2);
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
          assertThat(revisionIn(other + "-articles", "r0")).as("r0 through the read alias").isEqualTo(3));
      await().atMost(Duration.ofSeconds(60)).until(() -> total(live) == 5);
    } finally {
      live.close();
    }
  }

  /** What a test does after each poll of the rebuild's consumer, before the rebuild writes what it read. */
  private interface AfterPoll {
    void run(Consumer<String, byte[]> consumer) throws Exception;
  }

  /** {@code consumer}, running {@code afterPoll} after each of its polls. */
  @SuppressWarnings("unchecked")
  private static Consumer<String, byte[]> polling(Consumer<String, byte[]> consumer, AfterPoll afterPoll) {
    return (Consumer<String, byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
        new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(consumer, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("poll")) {
            afterPoll.run(consumer);
          }
          return result;
        });
  }

  /** True when the consumer's position is at the end of every partition it is assigned. */
  private static boolean caughtUp(Consumer<String, byte[]> consumer) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /** The revision of the article in an index or alias (a real-time get), 0 when it holds none. */
  private long revisionIn(String index, String id) throws Exception {
    JsonNode doc = json.readTree(elastic("GET", "/" + index + "/_doc/" + id, null));
    return doc.path("found").asBoolean() ? doc.path("_version").asLong() : 0;
  }

  private List<ArticleEnriched> articles(int from, int to) {
    List<ArticleEnriched> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(IndexServiceApp.article("r" + i, 1, "志愿服务活动第" + i + "期", "社区志愿者开展第" + i + "期志愿服务活动。").build());
    }
    return out;
  }

  private JsonNode awaitRebuild(IndexServiceApp target) throws Exception {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
      String phase = json.readTree(send(target, "GET", "/api/admin/reindex", TOKEN).body()).get("phase").asString();
      return phase.equals("DONE") || phase.equals("FAILED");
    });
    return json.readTree(send(target, "GET", "/api/admin/reindex", TOKEN).body());
  }

  /** The aliases of an index. */
  private Set<String> aliases(String index) throws Exception {
    Set<String> out = new TreeSet<>();
    json.readTree(elastic("GET", "/" + index + "/_alias", null)).get(index).get("aliases").propertyNames()
        .forEach(out::add);
    return out;
  }

  /** A request straight to Elasticsearch; its answer's body (any status). */
  private String elastic(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(StackEnv.elasticsearch() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
  }

  private long total() throws Exception {
    return total(app);
  }

  private long total(IndexServiceApp target) throws Exception {
    HttpResponse<String> r = send(target, "GET", "/api/search?size=1&q=" + URLEncoder.encode("志愿服务", StandardCharsets.UTF_8), null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("search answered " + r.statusCode() + ": " + r.body());
    }
    return json.readTree(r.body()).get("total").asLong();
  }

  private HttpResponse<String> send(String method, String path, String token) throws Exception {
    return send(app, method, path, token);
  }

  private HttpResponse<String> send(IndexServiceApp target, String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target.baseUrl + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
