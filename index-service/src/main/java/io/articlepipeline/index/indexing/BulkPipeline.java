package io.articlepipeline.index.indexing;

import io.articlepipeline.index.indexing.BulkSender.Action;
import io.articlepipeline.index.indexing.BulkSender.ItemResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The bulk requests of one attempt, up to {@code maxInFlight} at once, so the caller prepares the
 * next request (decoding, mapping, serialising) while Elasticsearch writes the ones before it.
 * Answers are handed to the {@link Answers} in the order the requests were sent, on the caller's
 * thread. An id is never in two requests in flight: a request that names an id still being
 * written waits for everything in flight first, so a delete and a re-submission of one article
 * land in the order they were read.
 *
 * @param <T> what each action came from (handed back with its result)
 */
final class BulkPipeline<T> implements AutoCloseable {

  /** Receives each request's answer: its items and results, or the failure of the whole request. */
  interface Answers<T> {
    void answered(List<T> items, List<ItemResult> results, Instant sent, Instant answered);

    void failed(List<T> items, Exception failure, Instant sent);
  }

  private record InFlight<T>(List<T> items, List<Action> actions, Instant sent,
                             CompletableFuture<Answer> answer) {
  }

  private record Answer(List<ItemResult> results, Instant at) {
  }

  private final BulkSender sender;
  private final int maxInFlight;
  private final Clock clock;
  private final Answers<T> answers;
  private final ArrayDeque<InFlight<T>> inFlight = new ArrayDeque<>();
  private final Map<String, Integer> idsInFlight = new HashMap<>();

  BulkPipeline(BulkSender sender, int maxInFlight, Clock clock, Answers<T> answers) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("requests in flight must be at least 1, not " + maxInFlight);
    }
    this.sender = sender;
    this.maxInFlight = maxInFlight;
    this.clock = clock;
    this.answers = answers;
  }

  /** Sends one request of {@code actions} ({@code items} are where they came from, one each). */
  void send(List<T> items, List<Action> actions) {
    if (actions.isEmpty()) {
      return;
    }
    for (Action action : actions) {
      if (idsInFlight.containsKey(action.id())) {
        awaitAll();
        break;
      }
    }
    while (inFlight.size() >= maxInFlight) {
      awaitOldest();
    }
    List<T> itemsSent = List.copyOf(items);
    List<Action> actionsSent = List.copyOf(actions);
    Instant sent = clock.instant();
    CompletableFuture<Answer> answer;
    try {
      answer = sender.sendAsync(actionsSent).thenApply(results -> new Answer(results, clock.instant()));
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    for (Action action : actionsSent) {
      idsInFlight.merge(action.id(), 1, Integer::sum);
    }
    inFlight.add(new InFlight<>(itemsSent, actionsSent, sent, answer));
  }

  /** Waits for every request in flight and hands over its answer. */
  void awaitAll() {
    while (!inFlight.isEmpty()) {
      awaitOldest();
    }
  }

  private void awaitOldest() {
    InFlight<T> request = inFlight.poll();
    for (Action action : request.actions()) {
      idsInFlight.computeIfPresent(action.id(), (id, n) -> n == 1 ? null : n - 1);
    }
    Answer answer;
    try {
      answer = request.answer().join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      answers.failed(request.items(), cause instanceof Exception ex ? ex : new RuntimeException(cause),
          request.sent());
      return;
    }
    answers.answered(request.items(), answer.results(), request.sent(), answer.at());
  }

  /** Waits for what is still in flight: no request outlives the attempt that sent it. */
  @Override
  public void close() {
    awaitAll();
  }
}
