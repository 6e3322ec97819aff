package io.articlepipeline.index.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk requests against an index or alias, indexing with {@code version_type=external_gte} on the
 * revision: an older revision never overwrites a newer one, while the same revision enriched
 * again (./pipeline reprocess) replaces what was indexed.
 */
public class ElasticsearchBulkSender implements BulkSender {

  private final ElasticsearchClient client;
  private final String target;

  /** @param target the index or write alias to write to */
  public ElasticsearchBulkSender(ElasticsearchClient client, String target) {
    this.client = client;
    this.target = target;
  }

  @Override
  public List<ItemResult> send(List<Action> actions) throws IOException {
    BulkRequest.Builder bulk = new BulkRequest.Builder();
    for (Action action : actions) {
      if (action instanceof Upsert u) {
        bulk.operations(op -> op.index(i -> i.index(target).id(u.id())
            .version(u.version()).versionType(VersionType.ExternalGte).document(u.document())));
      } else if (action instanceof Delete d) {
        bulk.operations(op -> op.delete(x -> x.index(target).id(d.id())));
      }
    }
    BulkResponse response = client.bulk(bulk.build());
    List<ItemResult> results = new ArrayList<>(actions.size());
    for (BulkResponseItem item : response.items()) {
      if (item.error() == null) {
        results.add(new ItemResult(item.status(), null, null));
      } else {
        results.add(new ItemResult(item.status(), item.error().type(), item.error().reason()));
      }
    }
    return results;
  }
}
