package io.articlepipeline.cli;

/**
 * An article the service accepted: what to poll until it is searchable.
 *
 * @param id       the id the service gave or kept
 * @param revision the accepted revision
 * @param origin   where it came from
 * @param page     whether it was a pasted page (those get a "searchable at" line of their own)
 * @param statusUrl where its status is polled, as the answer named it ({@code statusUrl}: the
 *                 index service's {@code /api/articles/{id}/status?revision=R}); blank if none
 */
public record Accepted(String id, long revision, Provenance origin, boolean page, String statusUrl) {
}
