package io.articlepipeline.ingest.submit;

import java.time.Instant;

/**
 * A validated article as a submitter sent it. {@code id} and {@code revision} are null when the
 * submitter left them to the service.
 */
public record Submission(String id, Long revision, String title, String body, String url, String source,
                         String author, String category, String language, Instant publishedAt,
                         String contentType) {
}
