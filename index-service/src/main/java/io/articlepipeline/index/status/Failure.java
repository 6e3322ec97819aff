package io.articlepipeline.index.status;

import java.time.Instant;

/**
 * The newest dead letter of one article, as the status tells it.
 *
 * @param stage    the stage that gave up on it (enrich or index)
 * @param reason   why, as the stage recorded it
 * @param topic    the dead-letter topic it is in
 * @param revision the revision in the dead-lettered record; null when the record cannot be
 *                 decoded (it was not written by ingest)
 * @param at       when it was dead-lettered
 */
public record Failure(String stage, String reason, String topic, Long revision, Instant at) {
}
