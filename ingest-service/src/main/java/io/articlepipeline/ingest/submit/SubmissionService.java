package io.articlepipeline.ingest.submit;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

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
    ArticleSubmitted record = toRecord(s);
    publisher.publish(record);
    return new Accepted(record.getId(), record.getRevision());
  }

  /** What became of one submission of a batch: accepted, or the reason it was not stored. */
  public record Outcome(Accepted accepted, ArticlePublisher.PublishException failure) {
  }

  /**
   * Accepts every submission, sending them together; returns, in order, what became of each, once
   * every stored one is acknowledged by the broker.
   */
  public List<Outcome> acceptAll(List<Submission> submissions) {
    List<ArticleSubmitted> records = new ArrayList<>(submissions.size());
    for (Submission s : submissions) {
      records.add(toRecord(s));
    }
    List<ArticlePublisher.PublishException> failures = publisher.publishAll(records);
    List<Outcome> outcomes = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      ArticleSubmitted r = records.get(i);
      outcomes.add(failures.get(i) == null ? new Outcome(new Accepted(r.getId(), r.getRevision()), null)
          : new Outcome(null, failures.get(i)));
    }
    return outcomes;
  }

  private ArticleSubmitted toRecord(Submission s) {
    String id = s.id() != null ? s.id() : ArticleIds.derive(s.url(), s.title(), s.body());
    long revision = s.revision() != null ? s.revision() : revisions.next();
    return ArticleSubmitted.newBuilder()
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
  }
}
