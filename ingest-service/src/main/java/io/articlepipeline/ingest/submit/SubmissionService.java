package io.articlepipeline.ingest.submit;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import java.time.Clock;

/** Accepts a validated submission: names it, versions it, publishes it. Plain Java. */
public final class SubmissionService {

  /** What the submitter gets back. */
  public record Accepted(String id, long revision) {
  }

  private final ArticlePublisher publisher;
  private final RevisionClock revisions;
  private final Clock clock;

  public SubmissionService(ArticlePublisher publisher, Clock clock) {
    this.publisher = publisher;
    this.clock = clock;
    this.revisions = new RevisionClock(clock);
  }

  public Accepted accept(Submission s) {
    String id = s.id() != null ? s.id() : ArticleIds.derive(s.url(), s.title(), s.body());
    long revision = s.revision() != null ? s.revision() : revisions.next();
    ArticleSubmitted record = ArticleSubmitted.newBuilder()
        .setId(id)
        .setRevision(revision)
        .setTitle(s.title())
        .setBody(s.body())
        .setUrl(s.url())
        .setSource(s.source())
        .setAuthor(s.author())
        .setCategory(s.category())
        .setLanguage(s.language())
        .setPublishedAt(s.publishedAt())
        .setSubmittedAt(clock.instant())
        .setContentType(s.contentType())
        .build();
    publisher.publish(record);
    return new Accepted(id, revision);
  }
}
