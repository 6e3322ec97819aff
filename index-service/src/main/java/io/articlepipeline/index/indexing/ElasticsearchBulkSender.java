package io.articlepipeline.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Bulk requests against an index or alias, indexing with {@code version_type=external_gte} on the
 * revision: an older revision never overwrites a newer one, while the same revision enriched
 * again (./pipeline reprocess) replaces what was indexed. Documents go out as the JSON they were
 * serialised to; the answer is filtered to what an item's outcome needs (status and error), so
 * neither side writes or parses the rest of each item.
 */
public class ElasticsearchBulkSender implements BulkSender {

  /** What of a bulk answer is read: the client needs took, errors and each item's _index and status. */
  static final String FILTER_PATH = "took,errors,items.*._index,items.*.status,items.*.error";

  private final ElasticsearchAsyncClient client;
  private final String target;

  /** @param target the index or write alias to write to */
  public ElasticsearchBulkSender(ElasticsearchClient client, String target) {
    this.client = new ElasticsearchAsyncClient(client._transport(), client._transportOptions())
        .withTransportOptions(options -> options.setParameter("filter_path", FILTER_PATH));
    this.target = target;
  }

  @Override
  public List<ItemResult> send(List<Action> actions) throws IOException {
    try {
      return sendAsync(actions).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause.getMessage(), cause);
    }
  }

  @Override
  public CompletableFuture<List<ItemResult>> sendAsync(List<Action> actions) {
    CompletableFuture<BulkResponse> response;
    try {
      response = client.bulk(request(actions));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return response.thenApply(r -> results(r, actions.size()));
  }

  private static List<ItemResult> results(BulkResponse response, int sent) {
    List<BulkResponseItem> items = response.items();
    if (items.size() != sent) {
      throw new CompletionException(new IOException("bulk answered " + items.size() + " items for " + sent));
    }
    List<ItemResult> results = new ArrayList<>(items.size());
    for (BulkResponseItem item : items) {
      results.add(item.error() == null ? new ItemResult(item.status(), null, null)
          : new ItemResult(item.status(), item.error().type(), item.error().reason()));
    }
    return results;
  }

  private BulkRequest request(List<Action> actions) {
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (Action action : actions) {
      if (action instanceof Upsert u) {
        BinaryData json = BinaryData.of(u.json(), ContentType.APPLICATION_JSON);
        bulk.operations(op -> op.index(i -> i.index(target).id(u.id())
            .version(u.version()).versionType(VersionType.ExternalGte).document(json)));
      } else if (action instanceof Delete d) {
        bulk.operations(op -> op.delete(x -> x.index(target).id(d.id())));
      }
    }
    return bulk.build();
  }
}
