package io.articlepipeline.index.indexing;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sends one bulk request; the seam between the indexing logic and Elasticsearch. */
public interface BulkSender {

  /** An index (with external version) or a delete. */
  sealed interface Action {
    String id();

    /** Bytes this action adds to a request body, roughly: its document's JSON. */
    default int size() {
      return 0;
    }
  }

  /**
   * Index {@code json} (the document, serialised) under {@code id} if {@code version} is newer
   * than the stored one.
   */
  record Upsert(String id, long version, byte[] json) implements Action {
    @Override
    public int size() {
      return json.length;
    }
  }

  /** Delete the document {@code id}. */
  record Delete(String id) implements Action {
  }

  /** The result of one item: HTTP status, and error type and reason if it failed. */
  record ItemResult(int status, String errorType, String errorReason) {
  }

  /** Sends the actions as one bulk request; results in the same order. */
  List<ItemResult> send(List<Action> actions) throws IOException;

  /**
   * Sends the actions as one bulk request without waiting for the answer: the results in the same
   * order, or the failure {@link #send} would throw. By default sent and answered before it returns.
   */
  default CompletableFuture<List<ItemResult>> sendAsync(List<Action> actions) {
    try {
      return CompletableFuture.completedFuture(send(actions));
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
