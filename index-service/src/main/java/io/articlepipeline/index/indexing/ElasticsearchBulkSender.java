package io.articlepipeline.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Bulk requests against an index or alias, indexing with {@code version_type=external_gte} on the
 * revision: an older revision never overwrites a newer one, while the same revision enriched
 * again (./pipeline reprocess) replaces what was indexed.
 *
 * <p>A large batch goes out as up to {@code parallelism} requests at once ({@link BulkSplit}: the
 * same id always in the same request), answered together: the caller still sees one result per
 * action, in order, and a failure of any request fails the whole send, which its retry repeats
 * (indexing the same revision again and deleting twice are both harmless).
 */
public class ElasticsearchBulkSender implements BulkSender {

  /** Fewer actions than this per request are sent as one request. */
  static final int MIN_PER_REQUEST = 200;

  private final ElasticsearchAsyncClient client;
  private final String target;
  private final int parallelism;

  /** One request per send. */
  public ElasticsearchBulkSender(ElasticsearchClient client, String target) {
    this(client, target, 1);
  }

  /**
   * @param target      the index or write alias to write to
   * @param parallelism at most this many requests in flight per send
   */
  public ElasticsearchBulkSender(ElasticsearchClient client, String target, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("bulk parallelism must be at least 1, not " + parallelism);
    }
    this.client = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
    this.target = target;
    this.parallelism = parallelism;
  }

  @Override
  public List<ItemResult> send(List<Action> actions) throws IOException {
    List<int[]> groups = BulkSplit.groups(actions, parallelism, MIN_PER_REQUEST);
    List<CompletableFuture<BulkResponse>> responses = new ArrayList<>(groups.size());
    for (int[] group : groups) {
      responses.add(client.bulk(request(actions, group)));
    }
    // every request answered before anything is thrown: a retry never overlaps a request in flight
    CompletableFuture.allOf(responses.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    ItemResult[] results = new ItemResult[actions.size()];
    for (int g = 0; g < groups.size(); g++) {
      int[] group = groups.get(g);
      List<BulkResponseItem> items = await(responses.get(g)).items();
      if (items.size() != group.length) {
        throw new IOException("bulk answered " + items.size() + " items for " + group.length);
      }
      for (int i = 0; i < group.length; i++) {
        BulkResponseItem item = items.get(i);
        results[group[i]] = item.error() == null ? new ItemResult(item.status(), null, null)
            : new ItemResult(item.status(), item.error().type(), item.error().reason());
      }
    }
    return Arrays.asList(results);
  }

  private BulkRequest request(List<Action> actions, int[] group) {
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (int index : group) {
      Action action = actions.get(index);
      if (action instanceof Upsert u) {
        bulk.operations(op -> op.index(i -> i.index(target).id(u.id())
            .version(u.version()).versionType(VersionType.ExternalGte).document(u.document())));
      } else if (action instanceof Delete d) {
        bulk.operations(op -> op.delete(x -> x.index(target).id(d.id())));
      }
    }
    return bulk.build();
  }

  /** The response, or the failure as the synchronous client would throw it. */
  private static BulkResponse await(CompletableFuture<BulkResponse> response) throws IOException {
    try {
      return response.join();
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
}
