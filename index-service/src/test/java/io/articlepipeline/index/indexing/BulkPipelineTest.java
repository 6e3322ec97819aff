package io.articlepipeline.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.index.indexing.BulkSender.Action;
import io.articlepipeline.index.indexing.BulkSender.ItemResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkPipelineTest {

  private final ScheduledExecutorService elasticsearch = Executors.newSingleThreadScheduledExecutor();

  /** Answers each request 50 ms after it was sent, recording what was in flight when it came. */
  private final class SlowSender implements BulkSender {
    final List<List<String>> sent = new ArrayList<>();
    final List<Integer> inFlightWhenSent = new ArrayList<>();
    int inFlight;
    IOException failNext;

    @Override
    public List<ItemResult> send(List<Action> actions) {
      throw new UnsupportedOperationException("asynchronous only");
    }

    @Override
    public synchronized CompletableFuture<List<ItemResult>> sendAsync(List<Action> actions) {
      sent.add(actions.stream().map(Action::id).toList());
      inFlightWhenSent.add(inFlight);
      inFlight++;
      CompletableFuture<List<ItemResult>> answer = new CompletableFuture<>();
      IOException failure = failNext;
      failNext = null;
      elasticsearch.schedule(() -> {
        synchronized (this) {
          inFlight--;
        }
        if (failure != null) {
          answer.completeExceptionally(failure);
        } else {
          answer.complete(actions.stream().map(a -> new ItemResult(201, null, null)).toList());
        }
      }, 50, TimeUnit.MILLISECONDS);
      return answer;
    }
  }

  private static final class Recorder implements BulkPipeline.Answers<String> {
    final List<String> events = new ArrayList<>();

    @Override
    public void answered(List<String> items, List<ItemResult> results, Instant sent, Instant answered) {
      events.add("answered " + items + " " + results.size());
    }

    @Override
    public void failed(List<String> items, Exception failure, Instant sent) {
      events.add("failed " + items + " " + failure.getMessage());
    }
  }

  private final SlowSender sender = new SlowSender();
  private final Recorder recorder = new Recorder();

  @AfterEach
  void stop() {
    elasticsearch.shutdownNow();
  }

  private static List<Action> upserts(String... ids) {
    return java.util.Arrays.stream(ids).<Action>map(id -> new BulkSender.Upsert(id, 1, new byte[0])).toList();
  }

  private void send(BulkPipeline<String> pipeline, String... ids) {
    pipeline.send(List.of(ids), upserts(ids));
  }

  @Test
  void requestsAreSentWithoutWaitingUpToTheLimitAndAnsweredInTheirOrder() {
    try (BulkPipeline<String> pipeline = new BulkPipeline<>(sender, 2, Clock.systemUTC(), recorder)) {
      send(pipeline, "a");
      send(pipeline, "b");
      send(pipeline, "c");
      send(pipeline, "d");
    }
    assertThat(sender.inFlightWhenSent.get(1)).isEqualTo(1);
    assertThat(sender.inFlightWhenSent).allMatch(n -> n <= 1);
    assertThat(recorder.events).containsExactly("answered [a] 1", "answered [b] 1", "answered [c] 1", "answered [d] 1");
  }

  @Test
  void aRequestNamingAnIdInFlightWaitsUntilNothingIsInFlight() {
    try (BulkPipeline<String> pipeline = new BulkPipeline<>(sender, 3, Clock.systemUTC(), recorder)) {
      send(pipeline, "a", "b");
      send(pipeline, "c");
      pipeline.send(List.of("b again"), List.of(new BulkSender.Delete("b")));
    }
    assertThat(sender.inFlightWhenSent).containsExactly(0, 1, 0);
    assertThat(recorder.events).hasSize(3);
  }

  @Test
  void aFailedRequestIsReportedWithItsItemsAndTheOthersStillAnswer() {
    try (BulkPipeline<String> pipeline = new BulkPipeline<>(sender, 2, Clock.systemUTC(), recorder)) {
      send(pipeline, "a");
      sender.failNext = new IOException("connection reset");
      send(pipeline, "b");
      send(pipeline, "c");
    }
    assertThat(recorder.events).containsExactly("answered [a] 1", "failed [b] connection reset", "answered [c] 1");
  }

  @Test
  void closingWaitsForEveryRequestInFlight() {
    BulkPipeline<String> pipeline = new BulkPipeline<>(sender, 4, Clock.systemUTC(), recorder);
    send(pipeline, "a");
    send(pipeline, "b");
    assertThat(recorder.events).isEmpty();
    pipeline.close();
    assertThat(recorder.events).hasSize(2);
    assertThat(sender.inFlight).isZero();
  }
}
