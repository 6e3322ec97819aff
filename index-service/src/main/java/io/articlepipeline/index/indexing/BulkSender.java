package io.articlepipeline.index.indexing;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Sends one bulk request; the seam between the indexing logic and Elasticsearch. */
public interface BulkSender {

  /** An index (with external version) or a delete. */
  sealed interface Action {
    String id();
  }

  /** Index {@code document} under {@code id} if {@code version} is newer than the stored one. */
  record Upsert(String id, long version, Map<String, Object> document) implements Action {
  }

  /** Delete the document {@code id}. */
  record Delete(String id) implements Action {
  }

  /** The result of one item: HTTP status, and error type and reason if it failed. */
  record ItemResult(int status, String errorType, String errorReason) {
  }

  /** Sends the actions as one bulk request; results in the same order. */
  List<ItemResult> send(List<Action> actions) throws IOException;
}
