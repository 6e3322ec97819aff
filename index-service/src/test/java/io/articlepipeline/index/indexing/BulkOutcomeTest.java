package io.articlepipeline.index.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulkOutcomeTest {

  @Test
  void createdAndUpdatedAreDone() {
    assertThat(BulkOutcome.classify(false, 201, null)).isEqualTo(BulkOutcome.DONE);
    assertThat(BulkOutcome.classify(false, 200, null)).isEqualTo(BulkOutcome.DONE);
  }

  @Test
  void externalVersionConflictIsStale() {
    assertThat(BulkOutcome.classify(false, 409, "version_conflict_engine_exception")).isEqualTo(BulkOutcome.STALE);
  }

  @Test
  void mappingErrorsAreMalformed() {
    assertThat(BulkOutcome.classify(false, 400, "document_parsing_exception")).isEqualTo(BulkOutcome.MALFORMED);
    assertThat(BulkOutcome.classify(false, 400, "strict_dynamic_mapping_exception")).isEqualTo(BulkOutcome.MALFORMED);
  }

  @Test
  void overloadAndUnavailableAreRetriable() {
    assertThat(BulkOutcome.classify(false, 429, "es_rejected_execution_exception")).isEqualTo(BulkOutcome.RETRIABLE);
    assertThat(BulkOutcome.classify(false, 503, "unavailable_shards_exception")).isEqualTo(BulkOutcome.RETRIABLE);
    assertThat(BulkOutcome.classify(false, 400, "cluster_block_exception")).isEqualTo(BulkOutcome.RETRIABLE);
  }

  @Test
  void deletingAMissingDocumentIsDone() {
    assertThat(BulkOutcome.classify(true, 404, null)).isEqualTo(BulkOutcome.DONE);
    assertThat(BulkOutcome.classify(false, 404, "index_not_found_exception")).isEqualTo(BulkOutcome.RETRIABLE);
  }
}
