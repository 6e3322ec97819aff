package io.articlepipeline.index.indexing;

/** What happened to a batch: documents written, deleted, stale replays skipped, dead letters. */
public record BatchReport(int indexed, int deleted, int stale, int deadLettered, int bulkAttempts) {
}
