package io.articlepipeline.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code submit}: reads the files, sends their articles through the batch API with a few requests
 * in flight, then (unless told not to) waits until the accepted ones are searchable.
 */
public final class SubmitCommand {

  /** Status requests in flight while waiting: enough to keep up, few enough not to crowd ingest. */
  private static final int POLL_PARALLELISM = 8;

  private final SubmitOptions options;
  private final PrintStream out;
  private final PrintStream err;
  private final Sleeper sleeper;
  private final Duration pollInterval;
  private final ObjectMapper json = JsonMapper.builder().build();

  /**
   * @param options what to submit and where
   * @param out     receives the summary and the "searchable at" lines
   * @param err     receives progress
   */
  public SubmitCommand(SubmitOptions options, PrintStream out, PrintStream err) {
    this(options, out, err, Sleeper.REAL, Duration.ofSeconds(1));
  }

  SubmitCommand(SubmitOptions options, PrintStream out, PrintStream err, Sleeper sleeper, Duration pollInterval) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.sleeper = sleeper;
    this.pollInterval = pollInterval;
  }

  /**
   * Submits and, unless {@code --no-wait}, waits.
   *
   * @throws UsageException a path that does not exist or cannot be read as asked; nothing was sent
   */
  public SubmitReport run() throws InterruptedException {
    InputPlan plan = InputPlan.of(options.paths());
    ArticleReader reader = new ArticleReader(json);
    int total = plan.pages().size();
    for (Path file : plan.jsonFiles()) {
      try {
        total += reader.count(file);
      } catch (IOException e) {
        throw new UsageException(file + ": cannot read it (" + e.getMessage() + ")");
      }
    }
    IngestClient client = new IngestClient(options.ingestUrl(), options.token(), Duration.ofSeconds(120));
    Tally tally = new Tally();
    long start = System.nanoTime();
    try (Progress progress = new Progress(options.progress(), err, "%s articles", tally::done, total)) {
      send(plan, reader, new Sender(client, json, tally, sleeper, options.maxTries()), tally);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    List<Accepted> accepted = tally.accepted();
    boolean wait = options.waitSearchable() && tally.fatal() == null;
    SearchableWaiter.Outcome waited = null;
    long waitStart = System.nanoTime();
    if (wait && !accepted.isEmpty()) {
      waited = new SearchableWaiter(client, json, POLL_PARALLELISM, pollInterval)
          .await(accepted, options.waitTimeout(), options.progress(), err);
      waited.indexedPages().forEach(p -> out.println(p.id() + ": indexed, searchable at " + link(p.id())));
    } else if (!options.waitSearchable()) {
      accepted.stream().filter(Accepted::page)
          .forEach(p -> out.println(p.origin() + ": accepted as " + p.id() + " (revision " + p.revision() + ")"));
    }
    Duration waitElapsed = Duration.ofNanos(System.nanoTime() - waitStart);
    String fatal = tally.fatal() != null ? tally.fatal() : waited == null ? null : waited.fatal();
    return new SubmitReport(total, accepted, tally.refused(), tally.failed(), plan.skippedFiles(), elapsed, fatal,
        wait, waited == null ? 0 : waited.searchable(), waited == null ? 0 : waited.total(),
        waited == null ? List.of() : waited.failed(), waited == null ? 0 : waited.stillProcessing().size(),
        waitElapsed);
  }

  /**
   * Reads the files in order and hands chunks to {@code concurrency} sending threads; a semaphore
   * keeps at most that many chunks waiting or in flight, so memory stays bounded by
   * {@code concurrency x batch} however large the input.
   */
  private void send(InputPlan plan, ArticleReader reader, Sender sender, Tally tally) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(options.concurrency(), r -> {
      Thread t = new Thread(r, "submit");
      t.setDaemon(true);
      return t;
    });
    Semaphore slots = new Semaphore(options.concurrency());
    try {
      Chunker chunker = new Chunker(options.batchSize(), options.maxRequestBytes());
      for (Path file : plan.jsonFiles()) {
        try {
          reader.read(file, article -> {
            List<Article> chunk = chunker.add(article);
            if (chunk != null) {
              dispatch(pool, slots, tally, () -> sender.sendChunk(chunk));
            }
          }, tally::refused);
        } catch (IOException e) {
          tally.failed(new Problem(new Provenance(file, 0), "cannot read it: " + e.getMessage()));
        }
      }
      List<Article> last = chunker.flush();
      if (last != null) {
        dispatch(pool, slots, tally, () -> sender.sendChunk(last));
      }
      for (Path page : plan.pages()) {
        dispatch(pool, slots, tally, () -> sender.sendPage(page));
      }
    } catch (Stopped stopped) {
      // the token was refused: no use reading further
    } finally {
      pool.shutdown();
    }
    pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
  }

  private interface Job {
    void run() throws InterruptedException;
  }

  private static void dispatch(ExecutorService pool, Semaphore slots, Tally tally, Job job) {
    if (tally.stopped()) {
      throw new Stopped();
    }
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Stopped();
    }
    pool.execute(() -> {
      try {
        job.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        // a bug here must not pass for success: stop and say so
        tally.fatal("internal error: " + e);
      } finally {
        slots.release();
      }
    });
  }

  private String link(String id) {
    String reader = options.readerUrl();
    return reader == null ? "the readers' page (/#/article/" + id + ")"
        : (reader.endsWith("/") ? reader.substring(0, reader.length() - 1) : reader) + "/#/article/" + id;
  }

  /** Thrown out of the reading loop to stop it. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }
}
