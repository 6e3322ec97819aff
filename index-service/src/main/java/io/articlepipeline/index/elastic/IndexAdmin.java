package io.articlepipeline.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and switches the index layout: the template, the first version behind both aliases, new
 * versions for a rebuild, and the atomic alias switch. Idempotent; safe with several instances.
 */
public class IndexAdmin {

  private static final Logger log = LoggerFactory.getLogger(IndexAdmin.class);
  static final String MAPPINGS_RESOURCE = "/elastic/article-mappings.json";

  private final ElasticsearchClient client;
  private final IndexLayout layout;

  public IndexAdmin(ElasticsearchClient client, IndexLayout layout) {
    this.client = client;
    this.layout = layout;
  }

  public IndexLayout layout() {
    return layout;
  }

  /** Puts the template (every start, so mapping changes reach the next version) and makes sure v1 exists if no version does. */
  public void ensureLayout() throws IOException {
    putTemplate();
    if (readIndex().isEmpty()) {
      String first = layout.indexName(1);
      createIndex(first, true);
      log.info("Created index {} behind aliases {} and {}", first, layout.readAlias(), layout.writeAlias());
      return;
    }
    addNewFields();
    applyRefreshInterval();
  }

  /** The configured refresh interval on the write index too (the template reaches new versions only). */
  void applyRefreshInterval() throws IOException {
    Optional<String> write = writeIndex();
    if (write.isPresent()) {
      client.indices().putSettings(p -> p.index(write.get())
          .settings(s -> s.refreshInterval(t -> t.time(layout.refreshInterval()))));
    }
  }

  /**
   * Fields added to the mappings since the write index was created are added to it, so documents
   * carrying them are not rejected (the mappings are strict). A change Elasticsearch cannot apply
   * in place (a field's type or index options) needs a rebuild: that is logged, the fields the
   * index lacks are still added one by one, and documents keep flowing with the index's older
   * definition of the changed fields until then.
   */
  void addNewFields() throws IOException {
    Optional<String> write = writeIndex();
    if (write.isEmpty()) {
      return;
    }
    String index = write.get();
    try (InputStream in = mappingsJson()) {
      client.indices().putMapping(p -> p.index(index).withJson(in));
    } catch (ElasticsearchException e) {
      log.warn("The mappings changed in a way index {} cannot take in place ({}); run ./pipeline reindex",
          index, e.error().reason() != null ? e.error().reason() : e.error().type());
      addMissingFields(index);
    }
  }

  /** Puts only the shipped fields {@code index} does not have at all. */
  void addMissingFields(String index) throws IOException {
    TypeMapping shipped = shippedMappings();
    TypeMapping current = client.indices().getMapping(g -> g.index(index)).get(index).mappings();
    Map<String, Property> missing = new LinkedHashMap<>();
    shipped.properties().forEach((name, property) -> {
      if (!current.properties().containsKey(name)) {
        missing.put(name, property);
      }
    });
    if (!missing.isEmpty()) {
      client.indices().putMapping(p -> p.index(index).properties(missing));
      log.info("Added fields {} to index {}", missing.keySet(), index);
    }
  }

  private static TypeMapping shippedMappings() throws IOException {
    try (InputStream in = mappingsJson()) {
      return TypeMapping.of(m -> m.withJson(in));
    }
  }

  private static InputStream mappingsJson() {
    InputStream in = IndexAdmin.class.getResourceAsStream(MAPPINGS_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("Missing classpath resource " + MAPPINGS_RESOURCE);
    }
    return in;
  }

  /** Puts the index template that gives every {@code <prefix>*} index its settings and mappings. */
  public void putTemplate() throws IOException {
    TypeMapping mappings = shippedMappings();
    client.indices().putIndexTemplate(p -> p
        .name(layout.templateName())
        .indexPatterns(layout.indexPrefix() + "*")
        .priority(100L)
        .meta("managed-by", co.elastic.clients.json.JsonData.of("index-service"))
        .template(t -> t
            .settings(s -> s.numberOfShards(Integer.toString(layout.shards()))
                .numberOfReplicas(Integer.toString(layout.replicas()))
                .refreshInterval(r -> r.time(layout.refreshInterval())))
            .mappings(mappings)));
  }

  /**
   * Creates an index version. With {@code withAliases} it gets the read alias and the write alias
   * (is_write_index); an index that already exists is left as it is.
   */
  public void createIndex(String index, boolean withAliases) throws IOException {
    try {
      client.indices().create(c -> {
        c.index(index);
        if (withAliases) {
          c.aliases(layout.readAlias(), a -> a)
              .aliases(layout.writeAlias(), a -> a.isWriteIndex(true));
        }
        return c;
      });
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
      log.info("Index {} already exists", index);
    }
  }

  /** The index the read alias points at, if any. */
  public Optional<String> readIndex() throws IOException {
    return aliasIndices(layout.readAlias()).stream().findFirst();
  }

  /** The index receiving writes through the write alias, if any. */
  public Optional<String> writeIndex() throws IOException {
    Map<String, IndexAliases> result = aliases(layout.writeAlias());
    for (Map.Entry<String, IndexAliases> e : result.entrySet()) {
      var def = e.getValue().aliases().get(layout.writeAlias());
      if (def != null && Boolean.TRUE.equals(def.isWriteIndex())) {
        return Optional.of(e.getKey());
      }
    }
    return result.keySet().stream().findFirst();
  }

  /** The highest version among existing indices of this layout (0 if none). */
  public int highestVersion() throws IOException {
    return versions().stream().mapToInt(layout::versionOf).max().orElse(0);
  }

  /** The existing index versions of this layout, by name. */
  public List<String> versions() throws IOException {
    var response = client.indices().get(g -> g.index(layout.indexPrefix() + "*")
        .allowNoIndices(true).ignoreUnavailable(true));
    List<String> out = new ArrayList<>();
    for (String index : response.result().keySet()) {
      if (layout.versionOf(index) > 0) {
        out.add(index);
      }
    }
    return out;
  }

  /** Deletes an index version (a missing one is no error). */
  public void deleteIndex(String index) throws IOException {
    client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
  }

  /** Moves the write alias to {@code index} in one atomic request. */
  public void switchWriteAlias(String index) throws IOException {
    List<String> current = aliasIndices(layout.writeAlias());
    client.indices().updateAliases(u -> {
      for (String old : current) {
        if (!old.equals(index)) {
          u.actions(a -> a.remove(r -> r.index(old).alias(layout.writeAlias())));
        }
      }
      return u.actions(a -> a.add(ad -> ad.index(index).alias(layout.writeAlias()).isWriteIndex(true)));
    });
  }

  /** Moves the read alias to {@code index} in one atomic request: searches never see no index. */
  public void switchReadAlias(String index) throws IOException {
    List<String> current = aliasIndices(layout.readAlias());
    client.indices().updateAliases(u -> {
      for (String old : current) {
        if (!old.equals(index)) {
          u.actions(a -> a.remove(r -> r.index(old).alias(layout.readAlias())));
        }
      }
      return u.actions(a -> a.add(ad -> ad.index(index).alias(layout.readAlias())));
    });
  }

  /** Refreshes an index or alias so what was written is searchable now (tests, rebuilds). */
  public void refresh(String indexOrAlias) throws IOException {
    client.indices().refresh(r -> r.index(indexOrAlias));
  }

  /** Number of documents in an index or alias. */
  public long count(String indexOrAlias) throws IOException {
    return client.count(c -> c.index(indexOrAlias)).count();
  }

  private List<String> aliasIndices(String alias) throws IOException {
    return new ArrayList<>(aliases(alias).keySet());
  }

  private Map<String, IndexAliases> aliases(String alias) throws IOException {
    // get_alias answers 404 with a body the client cannot decode as a response: ask first.
    if (!client.indices().existsAlias(e -> e.name(alias)).value()) {
      return Map.of();
    }
    GetAliasResponse response = client.indices().getAlias(g -> g.name(alias));
    return response.result();
  }
}
