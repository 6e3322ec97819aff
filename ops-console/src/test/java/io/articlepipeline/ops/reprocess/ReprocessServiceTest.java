package io.articlepipeline.ops.reprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.articlepipeline.ops.topics.ClusterOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.GroupOffsets;
import io.articlepipeline.ops.topics.ClusterOffsets.PartitionOffsets;
import io.articlepipeline.ops.topics.KafkaOffsetsReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.MemberAssignment;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reprocess's steps and phases with the binding, Kafka's group and the offsets played by
 * stand-ins: the order of the steps, the wait for an empty group, one at a time, and the binding
 * started again whatever fails.
 */
class ReprocessServiceTest {

  private static final String GROUP = "enrich";
  private static final String TOPIC = "articles.submitted";
  private static final Rewind REWIND = new Rewind(GROUP, TOPIC, Instant.EPOCH, null,
      Map.of(0, 0L), Map.of(0, 10L));

  /** The stage's binding: records the calls, answers what it is told. */
  static final class FakeBinding implements StageBinding {
    final List<String> calls = new ArrayList<>();
    final List<String> journal;
    String afterStop = "stopped";
    String afterStart = "running";
    RuntimeException stopFails;
    RuntimeException startFails;

    FakeBinding(List<String> journal) {
      this.journal = journal;
    }

    @Override
    public String stop() {
      journal.add("stop");
      if (stopFails != null) {
        throw stopFails;
      }
      return afterStop;
    }

    @Override
    public String start() {
      journal.add("start");
      if (startFails != null) {
        throw startFails;
      }
      return afterStart;
    }

    @Override
    public String state() {
      return afterStart;
    }
  }

  private final List<String> journal = new ArrayList<>();
  private final FakeBinding binding = new FakeBinding(journal);
  private final GroupRewinder rewinder = mock(GroupRewinder.class);
  private final KafkaOffsetsReader reader = mock(KafkaOffsetsReader.class);
  private final Deque<Runnable> queued = new ArrayDeque<>();
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  private ReprocessService service;
  private long committed;

  @BeforeEach
  void setUp() throws Exception {
    service = new ReprocessService(rewinder, reader, binding, GROUP, TOPIC, Duration.ofSeconds(10),
        Duration.ofSeconds(1), queued::add, clock, d -> {
          journal.add("sleep");
          now.set(now.get().plus(d));
        });
    when(rewinder.partitions(TOPIC)).thenReturn(List.of(new TopicPartition(TOPIC, 0)));
    when(rewinder.rewind(anyString(), anyString(), any())).thenAnswer(i -> {
      journal.add("rewind");
      committed = 0;
      return REWIND;
    });
    committed = 10;
    when(reader.read(any(), any())).thenAnswer(i -> offsets(committed));
  }

  /** The topic's one partition (offsets 0-10) and the group with {@code committedOffset}. */
  private static ClusterOffsets offsets(long committedOffset) {
    return new ClusterOffsets(Instant.EPOCH, Map.of(TOPIC, List.of(new PartitionOffsets(0, 0, 10))),
        List.of(new GroupOffsets(GROUP, "STABLE", 1, Map.of(TOPIC, Map.of(0, committedOffset)), Set.of(TOPIC))));
  }

  private static MemberDescription member() {
    return new MemberDescription("m-1", Optional.empty(), "enrich-1", "/127.0.0.1",
        new MemberAssignment(Set.of()), Optional.empty(), Optional.empty(), Optional.empty());
  }

  private void runQueued() {
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
  }

  @Test
  void stopsWaitsForAnEmptyGroupRewindsResumesAndCatchesUp() throws Exception {
    when(rewinder.members(GROUP)).thenAnswer(i -> {
      journal.add("members");
      return journal.stream().filter("members"::equals).count() < 3 ? List.of(member()) : List.of();
    });
    assertThat(service.progress().phase()).isEqualTo("idle");

    ReprocessProgress started = service.start();
    assertThat(started.phase()).isEqualTo("stopping");
    assertThat(journal).isEmpty();

    runQueued();
    assertThat(journal).containsExactly("stop", "members", "sleep", "members", "sleep", "members",
        "rewind", "start");
    ReprocessProgress catchingUp = service.progress();
    assertThat(catchingUp.phase()).isEqualTo("catching up");
    assertThat(catchingUp.toReprocess()).isEqualTo(10);
    assertThat(catchingUp.reprocessed()).isZero();
    assertThat(catchingUp.error()).isNull();

    committed = 6;
    assertThat(service.progress().phase()).isEqualTo("catching up");
    assertThat(service.progress().reprocessed()).isEqualTo(6);
    committed = 10;
    ReprocessProgress done = service.progress();
    assertThat(done.phase()).isEqualTo("done");
    assertThat(done.caughtUp()).isTrue();
    assertThat(done.percent()).isEqualTo(100.0);
  }

  @Test
  void offsetsReadBeforeTheRewindNeverCountAsCaughtUp() throws Exception {
    when(rewinder.members(GROUP)).thenReturn(List.of());
    service.start();
    // a status read under way while the run stops, rewinds and resumes: the offsets it got are
    // the group's from before the rewind (all read: lag 0)
    when(reader.read(any(), any())).thenAnswer(i -> {
      long before = committed;
      runQueued();
      return offsets(before);
    });
    assertThat(service.progress().phase()).isEqualTo("catching up");
    when(reader.read(any(), any())).thenAnswer(i -> offsets(committed));
    ReprocessProgress after = service.progress();
    assertThat(after.phase()).isEqualTo("catching up");
    assertThat(after.toReprocess()).isEqualTo(10);
    assertThat(after.reprocessed()).isZero();
    committed = 10;
    assertThat(service.progress().phase()).isEqualTo("done");
  }

  @Test
  void theAnswerToAStartIsItsPhaseAtAcceptanceHoweverFastTheRunMovesOn() {
    when(rewinder.members(GROUP)).thenReturn(List.of());
    // an executor that runs the steps before start() returns: the run is at "catching up" by then
    ReprocessService inline = new ReprocessService(rewinder, reader, binding, GROUP, TOPIC, Duration.ofSeconds(10),
        Duration.ofSeconds(1), Runnable::run, clock, d -> now.set(now.get().plus(d)));
    assertThat(inline.start().phase()).isEqualTo("stopping");
    assertThat(journal).containsExactly("stop", "rewind", "start");
    assertThat(inline.progress().phase()).isEqualTo("catching up");
  }

  @Test
  void aSecondReprocessIsRefusedWhileOneRunsAndAllowedOnceItIsDone() throws Exception {
    when(rewinder.members(GROUP)).thenReturn(List.of());
    service.start();
    assertThatThrownBy(service::start).isInstanceOf(ReprocessService.ReprocessRunningException.class)
        .hasMessageContaining("stopping");
    runQueued();
    assertThatThrownBy(service::start).isInstanceOf(ReprocessService.ReprocessRunningException.class)
        .hasMessageContaining("catching up");
    committed = 10;
    assertThat(service.progress().phase()).isEqualTo("done");
    assertThat(service.start().phase()).isEqualTo("stopping");
  }

  @Test
  void aFailedRewindStartsTheBindingAgainAndSaysWhy() throws Exception {
    when(rewinder.members(GROUP)).thenReturn(List.of());
    doThrow(new GroupRewinder.GroupActiveException(GROUP, List.of(member())))
        .when(rewinder).rewind(anyString(), anyString(), any());
    service.start();
    runQueued();
    assertThat(journal).containsExactly("stop", "start");
    ReprocessProgress failed = service.progress();
    assertThat(failed.phase()).isEqualTo("failed");
    assertThat(failed.error()).contains("phase rewinding").contains("active member")
        .contains("the input binding runs again");
    // a failed one does not block the next
    assertThat(service.start().phase()).isEqualTo("stopping");
  }

  @Test
  void aGroupThatStaysActiveFailsAfterTheTimeoutWithoutARewind() throws Exception {
    when(rewinder.members(GROUP)).thenReturn(List.of(member()));
    service.start();
    runQueued();
    verify(rewinder, never()).rewind(anyString(), anyString(), any());
    assertThat(journal.get(0)).isEqualTo("stop");
    assertThat(journal.get(journal.size() - 1)).isEqualTo("start");
    assertThat(journal.stream().filter("sleep"::equals).count()).isEqualTo(10);
    ReprocessProgress failed = service.progress();
    assertThat(failed.phase()).isEqualTo("failed");
    assertThat(failed.error()).contains("phase stopping").contains("still has 1 active member")
        .contains("empty-group-timeout");
  }

  @Test
  void anUnreachableStageFailsAndTheStatusSaysTheBindingCouldNotBeStarted() throws Exception {
    binding.stopFails = new StageBinding.BindingException("POST http://enrich/api/enrich/binding/stop did not answer");
    binding.startFails = new StageBinding.BindingException("POST http://enrich/api/enrich/binding/start did not answer");
    service.start();
    runQueued();
    assertThat(journal).containsExactly("stop", "start");
    ReprocessProgress failed = service.progress();
    assertThat(failed.phase()).isEqualTo("failed");
    assertThat(failed.error()).contains("phase stopping").contains("stop did not answer")
        .contains("could not be started again").contains("start did not answer");
  }

  @Test
  void aBindingThatDoesNotStopIsNotRewound() throws Exception {
    binding.afterStop = "running";
    service.start();
    runQueued();
    verify(rewinder, never()).rewind(anyString(), anyString(), any());
    assertThat(service.progress().error()).contains("running after stop");
  }

  @Test
  void aBindingThatDoesNotStartAgainFailsTheReprocessAfterTheRewind() throws Exception {
    when(rewinder.members(GROUP)).thenReturn(List.of());
    binding.afterStart = "stopped";
    service.start();
    runQueued();
    assertThat(journal).containsExactly("stop", "rewind", "start", "start");
    ReprocessProgress failed = service.progress();
    assertThat(failed.phase()).isEqualTo("failed");
    assertThat(failed.error()).contains("phase resuming").contains("is stopped after a start");
  }

  @Test
  void aMissingTopicIsRefusedBeforeAnythingStops() throws Exception {
    when(rewinder.partitions(TOPIC)).thenThrow(new GroupRewinder.NothingToRewindException(TOPIC));
    assertThatThrownBy(service::start).isInstanceOf(GroupRewinder.NothingToRewindException.class);
    assertThat(queued).isEmpty();
    assertThat(service.progress().phase()).isEqualTo("idle");
  }
}
