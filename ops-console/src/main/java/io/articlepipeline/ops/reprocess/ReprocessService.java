package io.articlepipeline.ops.reprocess;

import io.articlepipeline.ops.topics.ClusterOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.GroupOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.PartitionOffsets;
import io.articlepipeline.ops.topics.KafkaOffsetsReader;
import io.articlepipeline.ops.topics.KafkaOffsetsReader.KafkaOperationException;
import io.articlepipeline.ops.topics.LagCalculator;
import io.articlepipeline.retry.Retry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reprocessing of the configured stage (consumer group on its input topic), all on the server:
 * stops the stage's input binding, waits until its group has no active member, rewinds the group
 * to the log start, starts the binding again and follows the group until it has committed up to
 * the end offsets of the rewind. Whatever fails, the binding is started again. One at a time.
 */
public class ReprocessService {

  private static final Logger log = LoggerFactory.getLogger(ReprocessService.class);

  /** Where a reprocess stands. */
  public enum Phase {
    IDLE("idle"), STOPPING("stopping"), REWINDING("rewinding"), RESUMING("resuming"),
    CATCHING_UP("catching up"), DONE("done"), FAILED("failed");

    private final String label;

    Phase(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final GroupRewinder rewinder;
  private final KafkaOffsetsReader reader;
  private final StageBinding binding;
  private final String group;
  private final String topic;
  private final Duration emptyGroupTimeout;
  private final Duration pollInterval;
  private final Executor executor;
  private final Clock clock;
  private final Retry.Sleeper sleeper;
  private final AtomicReference<Rewind> last = new AtomicReference<>();
  private volatile Phase phase = Phase.IDLE;
  private volatile String error;

  public ReprocessService(GroupRewinder rewinder, KafkaOffsetsReader reader, StageBinding binding,
      String group, String topic, Duration emptyGroupTimeout, Duration pollInterval,
      Executor executor, Clock clock, Retry.Sleeper sleeper) {
    this.rewinder = rewinder;
    this.reader = reader;
    this.binding = binding;
    this.group = group;
    this.topic = topic;
    this.emptyGroupTimeout = emptyGroupTimeout;
    this.pollInterval = pollInterval;
    this.executor = executor;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Starts a reprocess of the whole retained topic ({@link #start(Instant)} with null). */
  public ReprocessProgress start() {
    return start(null);
  }

  /**
   * Starts a reprocess in the background of the records written at or after {@code since} (null:
   * the whole retained topic); returns its status (phase {@code stopping}).
   *
   * @throws ReprocessRunningException when one is under way (not done, not failed)
   * @throws GroupRewinder.NothingToRewindException when the topic does not exist
   */
  public synchronized ReprocessProgress start(Instant since) {
    Phase now = phase;
    if (now == Phase.STOPPING || now == Phase.REWINDING || now == Phase.RESUMING
        || (now == Phase.CATCHING_UP && !progress().caughtUp())) {
      throw new ReprocessRunningException(group, phase.label());
    }
    rewinder.partitions(topic);
    last.set(null);
    error = null;
    phase = Phase.STOPPING;
    log.info("Reprocess of group={} topic={}: stopping the stage's input binding", group, topic);
    // the answer is the status at acceptance: read after the executor starts, the run may already
    // have moved on to a later phase
    ReprocessProgress accepted = progress();
    executor.execute(() -> run(since));
    return accepted;
  }

  /** The steps; runs on the executor. */
  void run(Instant since) {
    try {
      expect("stopped", binding.stop(), "stop");
      awaitEmptyGroup();
      phase = Phase.REWINDING;
      last.set(rewinder.rewind(group, topic, since));
      phase = Phase.RESUMING;
      expect("running", binding.start(), "start");
      phase = Phase.CATCHING_UP;
      log.info("Reprocess of group={}: rewound and resumed, {} records to process again", group,
          last.get().endOffsets().entrySet().stream()
              .mapToLong(e -> Math.max(0, e.getValue() - last.get().startOffsets().getOrDefault(e.getKey(), 0L)))
              .sum());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String why = describe(e);
      String resumed;
      try {
        String state = binding.start();
        resumed = "running".equals(state) ? "the input binding runs again"
            : "the input binding is " + state + " after a start: start it again (POST /api/enrich/binding/start on the"
                + " stage) or restart the stage";
      } catch (RuntimeException again) {
        resumed = "the input binding could not be started again (" + describe(again) + "): start it (POST"
            + " /api/enrich/binding/start on the stage) or restart the stage; a restarted stage starts it";
      }
      error = "Reprocess failed in phase " + phase.label() + ": " + why + "; " + resumed;
      log.warn("{}", error);
      phase = Phase.FAILED;
    }
  }

  private static void expect(String wanted, String state, String what) {
    if (!wanted.equals(state)) {
      throw new StageBinding.BindingException("the input binding is " + state + " after " + what
          + " (expected " + wanted + ")");
    }
  }

  /** Kafka moves a group's offsets only while it has no active member; a stopped binding leaves. */
  private void awaitEmptyGroup() throws Exception {
    Instant deadline = clock.instant().plus(emptyGroupTimeout);
    while (true) {
      int members = rewinder.members(group).size();
      if (members == 0) {
        return;
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new IllegalStateException("consumer group " + group + " still has " + members
            + " active member(s) " + emptyGroupTimeout.toSeconds() + " s after its input binding stopped"
            + " (pipeline.ops.reprocess.empty-group-timeout)");
      }
      sleeper.sleep(pollInterval);
    }
  }

  private static String describe(Throwable e) {
    Throwable t = e instanceof KafkaOperationException && e.getCause() != null ? e.getCause() : e;
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** The reprocess's phase and the group's progress since the last rewind (the plain lag before one). */
  public ReprocessProgress progress() {
    // the rewind first, then the offsets: a call that began before the run rewound has no rewind
    // and reads the plain lag (0 before a rewind), which must not count as the run caught up, and
    // offsets read after the rewind was recorded are those of the rewound group or later
    Rewind rewind = last.get();
    ClusterOffsets offsets = reader.read(List.of(topic), List.of(group));
    List<PartitionOffsets> partitions = offsets.topics().getOrDefault(topic, List.of());
    Map<Integer, Long> start = new HashMap<>();
    Map<Integer, Long> end = new HashMap<>();
    partitions.forEach(p -> {
      start.put(p.partition(), p.startOffset());
      end.put(p.partition(), p.endOffset());
    });
    GroupOffsets g = offsets.group(group).orElse(null);
    Map<Integer, Long> committed = g == null ? Map.of() : g.committed().getOrDefault(topic, Map.of());
    ReprocessProgress p = ReprocessProgress.of(group, topic, g == null ? LagCalculator.NOT_FOUND : g.state(),
        g == null ? 0 : g.members(), rewind, committed, start, end);
    if (phase == Phase.CATCHING_UP && rewind != null && p.caughtUp()) {
      synchronized (this) {
        if (phase == Phase.CATCHING_UP && last.get() == rewind) {
          phase = Phase.DONE;
          log.info("Reprocess of group={}: caught up", group);
        }
      }
    }
    return p.withPhase(phase.label(), error);
  }

  /** A reprocess is under way; a second one is refused. */
  public static class ReprocessRunningException extends RuntimeException {
    public ReprocessRunningException(String group, String phase) {
      super("A reprocess of " + group + " is under way (phase " + phase + "); wait until it is done"
          + " or failed (GET /api/ops/reprocess)");
    }
  }
}
