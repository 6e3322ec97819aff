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
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes one consumed batch: maps articles to documents, sends them in bulk requests (several in
 * flight while the next is prepared, {@link BulkLimits}) and sorts the failures by kind. Version
 * conflicts are stale replays (counted, fine); malformed documents and undecodable records go to
 * the dead-letter topic; anything else is retried and then thrown, so the listener container does
 * not commit the batch.
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
  private final BulkLimits limits;

  /** An indexer that reports nothing ({@link IndexingListener#NONE}) and sends a batch as one request. */
  public ArticleBatchIndexer(BulkSender sender, ArticleDocumentMapper mapper, DeadLetterPublisher deadLetters,
                             Retry retry, MalformedDocumentPolicy policy, Clock clock) {
    this(sender, mapper, deadLetters, retry, policy, clock, IndexingListener.NONE, BulkLimits.ONE_REQUEST);
  }

  /**
   * @param listener told each bulk's size and duration and each written article's end-to-end latency
   * @param limits   how a batch is cut into requests and how many are in flight at once
   */
  public ArticleBatchIndexer(BulkSender sender, ArticleDocumentMapper mapper, DeadLetterPublisher deadLetters,
                             Retry retry, MalformedDocumentPolicy policy, Clock clock, IndexingListener listener,
                             BulkLimits limits) {
    this.listener = listener;
    this.sender = sender;
    this.mapper = mapper;
    this.deadLetters = deadLetters;
    this.retry = retry;
    this.policy = policy;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * A bulk item waiting to be sent, with its place in the batch and what its answer needs of the
   * record it came from: where it was read, the bytes it was read as (an article's, for its dead
   * letter) and when it was submitted. Not the decoded article: a batch's articles are garbage as
   * soon as their request is built.
   */
  private record Pending(int position, Action action, SourceRecord source, byte[] originalValue, Instant submittedAt) {
  }

  /** Some items still failed with a retriable error after a bulk request. */
  static final class RetriableItemsException extends RuntimeException {
    RetriableItemsException(String message) {
      super(message);
    }
  }

  /**
   * Indexes the batch; returns once every record is written, skipped as stale, or dead-lettered.
   * Records are read from {@code batch} one by one as their request is prepared, so a list that
   * decodes on access overlaps decoding with the writing of the requests before.
   */
  public BatchReport index(List<IncomingRecord> batch) {
    List<DeadLetter> letters = new ArrayList<>();
    Counts counts = new Counts();
    sendWithRetries(batch, letters, counts);
    if (!letters.isEmpty()) {
      deadLetters.publish(letters);
    }
    return new BatchReport(counts.indexed, counts.deleted, counts.stale, letters.size(), counts.attempts);
  }

  /** The bulk action of a record, or null when it is dead-lettered instead (added to {@code letters}). */
  private Pending prepare(int position, IncomingRecord record, List<DeadLetter> letters) {
    if (record instanceof IncomingRecord.Undecodable u) {
      letters.add(malformed(u.source(), u.originalValue(), u.exceptionClass(), u.message()));
    } else if (record instanceof IncomingRecord.Tombstone t) {
      if (t.source().key() == null || t.source().key().isBlank()) {
        letters.add(malformed(t.source(), null, MalformedArticleException.class.getName(),
            "tombstone without a key: no article to delete"));
      } else {
        return new Pending(position, new BulkSender.Delete(t.source().key()), t.source(), null, null);
      }
    } else if (record instanceof IncomingRecord.Article a) {
      try {
        byte[] json = mapper.toJson(a.article(), clock.instant());
        return new Pending(position, new BulkSender.Upsert(a.article().getId(), a.article().getRevision(), json),
            a.source(), a.originalValue(), a.article().getSubmittedAt());
      } catch (MalformedArticleException e) {
        letters.add(malformedArticle(a, e.getClass().getName(), e.getMessage()));
      }
    }
    return null;
  }

  private static final class Counts {
    int indexed;
    int deleted;
    int stale;
    int attempts;
    int sent;
    /** Records of the batch read and prepared so far (an attempt that fails midway leaves the rest). */
    int prepared;
  }

  /**
   * Each attempt sends again, in their order in the batch, the items that failed with a retriable
   * error, then prepares and sends request by request the records no attempt has read yet (all of
   * them on the first).
   */
  private void sendWithRetries(List<IncomingRecord> batch, List<DeadLetter> letters, Counts counts) {
    List<Pending> remaining = new ArrayList<>();
    try {
      retry.call(() -> {
        counts.attempts++;
        Attempt attempt = new Attempt(letters, counts);
        List<Pending> resend = List.copyOf(remaining);
        remaining.clear();
        Requests requests = null;
        try {
          try (BulkPipeline<Pending> pipeline = new BulkPipeline<>(sender, limits.maxInFlight(), clock, attempt)) {
            requests = new Requests(pipeline);
            resend.forEach(requests::add);
            while (counts.prepared < batch.size()) {
              Pending p = prepare(counts.prepared, batch.get(counts.prepared), letters);
              counts.prepared++;
              if (p != null) {
                counts.sent++;
                requests.add(p);
              }
            }
            requests.flush();
          }
        } finally {
          // whatever this attempt did not get written is the next one's to send
          remaining.addAll(attempt.retriable);
          if (requests != null) {
            remaining.addAll(requests.items);
          }
          remaining.sort(Comparator.comparingInt(Pending::position));
        }
        attempt.throwIfFailed();
        return null;
      }, ArticleBatchIndexer::retriable);
    } catch (MalformedPolicyException e) {
      throw new IndexingFailedException(e.getMessage(), e);
    } catch (IndexingFailedException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IndexingFailedException("Bulk indexing failed after " + counts.attempts + " attempts ("
          + remaining.size() + " of " + counts.sent + " items not written; the batch is not committed and will be"
          + " delivered again; see pipeline.index.bulk-max-attempts): " + e.getMessage(), e);
    }
  }

  /** Collects an attempt's items into requests of at most {@link BulkLimits} actions and bytes. */
  private final class Requests {
    private final BulkPipeline<Pending> pipeline;
    private final List<Pending> items = new ArrayList<>();
    private final List<Action> actions = new ArrayList<>();
    private long bytes;

    Requests(BulkPipeline<Pending> pipeline) {
      this.pipeline = pipeline;
    }

    void add(Pending p) {
      int size = p.action().size();
      if (!items.isEmpty() && (items.size() >= limits.maxActions() || bytes + size > limits.maxBytes())) {
        flush();
      }
      items.add(p);
      actions.add(p.action());
      bytes += size;
    }

    void flush() {
      if (!items.isEmpty()) {
        pipeline.send(items, actions);
        items.clear();
        actions.clear();
        bytes = 0;
      }
    }
  }

  /** Sorts the answers of one attempt's requests by outcome. */
  private final class Attempt implements BulkPipeline.Answers<Pending> {
    private final List<DeadLetter> letters;
    private final Counts counts;
    final List<Pending> retriable = new ArrayList<>();
    private String firstReason;
    private Exception requestFailure;
    private Exception fatal;

    Attempt(List<DeadLetter> letters, Counts counts) {
      this.letters = letters;
      this.counts = counts;
    }

    @Override
    public void answered(List<Pending> items, List<ItemResult> results, Instant sent, Instant answered) {
      listener.bulkSent(items.size(), Duration.between(sent, answered));
      if (results.size() != items.size()) {
        failed(items, new RetriableItemsException("bulk answered " + results.size() + " items for " + items.size()));
        return;
      }
      for (int i = 0; i < results.size(); i++) {
        Pending p = items.get(i);
        ItemResult r = results.get(i);
        boolean delete = p.action() instanceof BulkSender.Delete;
        switch (BulkOutcome.classify(delete, r.status(), r.errorType())) {
          case DONE -> {
            if (delete) {
              counts.deleted++;
            } else {
              counts.indexed++;
              reportWritten(p.submittedAt(), answered);
            }
          }
          case STALE -> counts.stale++;
          case MALFORMED -> {
            try {
              letters.add(rejected(p, r));
            } catch (RuntimeException e) {
              fatal = fatal == null ? e : fatal;
            }
          }
          case RETRIABLE -> {
            retriable.add(p);
            if (firstReason == null) {
              firstReason = p.source() + " status=" + r.status() + " " + r.errorType() + ": " + r.errorReason();
            }
          }
        }
      }
    }

    @Override
    public void failed(List<Pending> items, Exception failure, Instant sent) {
      listener.bulkSent(items.size(), Duration.between(sent, clock.instant()));
      failed(items, failure);
    }

    private void failed(List<Pending> items, Exception failure) {
      if (retriable(failure)) {
        retriable.addAll(items);
        requestFailure = requestFailure == null ? failure : requestFailure;
      } else {
        fatal = fatal == null ? failure : fatal;
      }
    }

    /** Throws what failed the attempt: a non-retriable failure first, then a retriable one. */
    void throwIfFailed() throws Exception {
      if (fatal != null) {
        throw fatal;
      }
      if (requestFailure != null) {
        throw requestFailure;
      }
      if (!retriable.isEmpty()) {
        log.warn("Bulk attempt {}: {} items failed with retriable errors, first {}", counts.attempts,
            retriable.size(), firstReason);
        throw new RetriableItemsException(retriable.size() + " items failed, first " + firstReason);
      }
    }
  }

  /** Submission to searchable; a clock behind the submitter's (negative) is not a latency. */
  private void reportWritten(Instant submittedAt, Instant written) {
    if (submittedAt != null) {
      Duration latency = Duration.between(submittedAt, written);
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
    if (policy == MalformedDocumentPolicy.FAIL) {
      throw new MalformedPolicyException(p.source() + " " + reason
          + " (pipeline.index.behavior-on-malformed-documents=fail; set dead-letter to skip it)");
    }
    // an article's dead letter holds the bytes it was read as, a delete's none
    return DeadLetter.of(STAGE, p.source(), p.originalValue(),
        "co.elastic.clients.elasticsearch._types.ElasticsearchException", reason);
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
