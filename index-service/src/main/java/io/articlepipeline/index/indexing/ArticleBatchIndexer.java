package io.articlepipeline.index.indexing;

import io.articlepipeline.support.deadletter.SourceRecord;
import io.articlepipeline.support.deadletter.DeadLetter;
import io.articlepipeline.support.deadletter.DeadLetterPublisher;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.articlepipeline.index.indexing.BulkSender.Action;
import io.articlepipeline.index.indexing.BulkSender.ItemResult;
import io.articlepipeline.retry.Retry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes one consumed batch: maps articles to documents, sends them in one bulk request and sorts
 * the failures by kind. Version conflicts are stale replays (counted, fine); malformed documents
 * and undecodable records go to the dead-letter topic; anything else is retried and then thrown,
 * so the listener container does not commit the batch.
 */
public class ArticleBatchIndexer {

  private static final Logger log = LoggerFactory.getLogger(ArticleBatchIndexer.class);
  /** The stage its dead letters name. */
  static final String STAGE = "index";

  private final BulkSender sender;
  private final ArticleDocumentMapper mapper;
  private final DeadLetterPublisher deadLetters;
  private final Retry retry;
  private final MalformedDocumentPolicy policy;
  private final Clock clock;
  private final IndexingListener listener;

  /** An indexer that reports nothing ({@link IndexingListener#NONE}). */
  public ArticleBatchIndexer(BulkSender sender, ArticleDocumentMapper mapper, DeadLetterPublisher deadLetters,
                             Retry retry, MalformedDocumentPolicy policy, Clock clock) {
    this(sender, mapper, deadLetters, retry, policy, clock, IndexingListener.NONE);
  }

  /** @param listener told each bulk's size and duration and each written article's end-to-end latency */
  public ArticleBatchIndexer(BulkSender sender, ArticleDocumentMapper mapper, DeadLetterPublisher deadLetters,
                             Retry retry, MalformedDocumentPolicy policy, Clock clock, IndexingListener listener) {
    this.listener = listener;
    this.sender = sender;
    this.mapper = mapper;
    this.deadLetters = deadLetters;
    this.retry = retry;
    this.policy = policy;
    this.clock = clock;
  }

  /** A bulk item waiting to be sent, with the record it came from. */
  private record Pending(Action action, IncomingRecord record) {
  }

  /** Some items still failed with a retriable error after a bulk request. */
  static final class RetriableItemsException extends RuntimeException {
    RetriableItemsException(String message) {
      super(message);
    }
  }

  /** Indexes the batch; returns once every record is written, skipped as stale, or dead-lettered. */
  public BatchReport index(List<IncomingRecord> batch) {
    List<DeadLetter> letters = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    for (IncomingRecord record : batch) {
      if (record instanceof IncomingRecord.Undecodable u) {
        letters.add(malformed(u.source(), u.originalValue(), u.exceptionClass(), u.message()));
      } else if (record instanceof IncomingRecord.Tombstone t) {
        if (t.source().key() == null || t.source().key().isBlank()) {
          letters.add(malformed(t.source(), null, MalformedArticleException.class.getName(),
              "tombstone without a key: no article to delete"));
        } else {
          pending.add(new Pending(new BulkSender.Delete(t.source().key()), t));
        }
      } else if (record instanceof IncomingRecord.Article a) {
        try {
          Map<String, Object> doc = mapper.toDocument(a.article(), clock.instant());
          pending.add(new Pending(new BulkSender.Upsert(a.article().getId(), a.article().getRevision(), doc), a));
        } catch (MalformedArticleException e) {
          letters.add(malformedArticle(a, e.getClass().getName(), e.getMessage()));
        }
      }
    }

    Counts counts = new Counts();
    if (!pending.isEmpty()) {
      sendWithRetries(pending, letters, counts);
    }
    if (!letters.isEmpty()) {
      deadLetters.publish(letters);
    }
    return new BatchReport(counts.indexed, counts.deleted, counts.stale, letters.size(), counts.attempts);
  }

  private static final class Counts {
    int indexed;
    int deleted;
    int stale;
    int attempts;
  }

  private void sendWithRetries(List<Pending> all, List<DeadLetter> letters, Counts counts) {
    List<Pending> remaining = new ArrayList<>(all);
    try {
      retry.call(() -> {
        counts.attempts++;
        List<Action> actions = remaining.stream().map(Pending::action).toList();
        List<ItemResult> results = timedSend(actions);
        Instant answered = clock.instant();
        if (results.size() != actions.size()) {
          throw new RetriableItemsException("bulk answered " + results.size() + " items for " + actions.size());
        }
        List<Pending> retriable = new ArrayList<>();
        String firstReason = null;
        for (int i = 0; i < results.size(); i++) {
          Pending p = remaining.get(i);
          ItemResult r = results.get(i);
          boolean delete = p.action() instanceof BulkSender.Delete;
          switch (BulkOutcome.classify(delete, r.status(), r.errorType())) {
            case DONE -> {
              if (delete) {
                counts.deleted++;
              } else {
                counts.indexed++;
                reportWritten(p.record(), answered);
              }
            }
            case STALE -> counts.stale++;
            case MALFORMED -> letters.add(rejected(p, r));
            case RETRIABLE -> {
              retriable.add(p);
              if (firstReason == null) {
                firstReason = p.record().source() + " status=" + r.status() + " " + r.errorType() + ": " + r.errorReason();
              }
            }
          }
        }
        remaining.clear();
        remaining.addAll(retriable);
        if (!retriable.isEmpty()) {
          log.warn("Bulk attempt {}: {} of {} items failed with retriable errors, first {}", counts.attempts,
              retriable.size(), actions.size(), firstReason);
          throw new RetriableItemsException(retriable.size() + " items failed, first " + firstReason);
        }
        return null;
      }, ArticleBatchIndexer::retriable);
    } catch (MalformedPolicyException e) {
      throw new IndexingFailedException(e.getMessage(), e);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IndexingFailedException("Bulk indexing failed after " + counts.attempts + " attempts ("
          + remaining.size() + " of " + all.size() + " items not written; the batch is not committed and will be"
          + " delivered again; see pipeline.index.bulk-max-attempts): " + e.getMessage(), e);
    }
  }

  private List<ItemResult> timedSend(List<Action> actions) throws IOException {
    Instant start = clock.instant();
    try {
      return sender.send(actions);
    } finally {
      listener.bulkSent(actions.size(), Duration.between(start, clock.instant()));
    }
  }

  /** Submission to searchable; a clock behind the submitter's (negative) is not a latency. */
  private void reportWritten(IncomingRecord record, Instant written) {
    if (record instanceof IncomingRecord.Article a && a.article().getSubmittedAt() != null) {
      Duration latency = Duration.between(a.article().getSubmittedAt(), written);
      if (!latency.isNegative()) {
        listener.articleWritten(latency);
      }
    }
  }

  private static boolean retriable(Exception e) {
    if (e instanceof RetriableItemsException || e instanceof IOException) {
      return true;
    }
    if (e instanceof ElasticsearchException ee) {
      return ee.status() == 429 || ee.status() >= 500;
    }
    return false;
  }

  /** Thrown inside the bulk loop when the policy says a malformed document fails the batch. */
  static final class MalformedPolicyException extends RuntimeException {
    MalformedPolicyException(String message) {
      super(message);
    }
  }

  private DeadLetter rejected(Pending p, ItemResult r) {
    String reason = "Elasticsearch rejected the document: " + r.errorType() + ": " + r.errorReason();
    SourceRecord source = p.record().source();
    if (policy == MalformedDocumentPolicy.FAIL) {
      throw new MalformedPolicyException(source + " " + reason
          + " (pipeline.index.behavior-on-malformed-documents=fail; set dead-letter to skip it)");
    }
    String exceptionClass = "co.elastic.clients.elasticsearch._types.ElasticsearchException";
    if (p.record() instanceof IncomingRecord.Article a) {
      return malformedArticle(a, exceptionClass, reason);
    }
    return DeadLetter.of(STAGE, source, null, exceptionClass, reason);
  }

  /** The dead letter of an article: the bytes it was read as, exactly. */
  private DeadLetter malformedArticle(IncomingRecord.Article a, String exceptionClass, String message) {
    if (policy == MalformedDocumentPolicy.FAIL) {
      return malformed(a.source(), null, exceptionClass, message);
    }
    return DeadLetter.of(STAGE, a.source(), a.originalValue(), exceptionClass, message);
  }

  private DeadLetter malformed(SourceRecord source, byte[] value, String exceptionClass, String message) {
    if (policy == MalformedDocumentPolicy.FAIL) {
      throw new IndexingFailedException(source + " cannot be indexed: " + message
          + " (pipeline.index.behavior-on-malformed-documents=fail; set dead-letter to skip it)", null);
    }
    return DeadLetter.of(STAGE, source, value, exceptionClass, message);
  }
}
