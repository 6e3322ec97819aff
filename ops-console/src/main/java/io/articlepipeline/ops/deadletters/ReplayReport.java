package io.articlepipeline.ops.deadletters;

import java.util.List;

/**
 * The answer to a replay: what happened to each requested dead letter. Dead letters stay in their
 * topic whatever the outcome.
 *
 * @param topic the dead-letter topic
 * @param requested dead letters asked for
 * @param replayed dead letters produced back to their source topic
 * @param failed dead letters not replayed (see each result's reason)
 * @param results one per requested dead letter
 */
public record ReplayReport(String topic, int requested, int replayed, int failed,
    List<Result> results) {

  /** Outcome of one dead letter. */
  public enum Status { REPLAYED, NOT_FOUND, REFUSED, FAILED }

  /**
   * One dead letter's outcome.
   *
   * @param partition its partition in the dead-letter topic
   * @param offset its offset in the dead-letter topic
   * @param status what happened
   * @param target the topic it was produced to
   * @param targetPartition where it landed
   * @param targetOffset where it landed
   * @param replayCount the replay count header it now carries
   * @param reason why it was not replayed
   */
  public record Result(int partition, long offset, Status status, String target,
      Integer targetPartition, Long targetOffset, Integer replayCount, String reason) {

    static Result notReplayed(int partition, long offset, Status status, String reason) {
      return new Result(partition, offset, status, null, null, null, null, reason);
    }
  }

  static ReplayReport of(String topic, List<Result> results) {
    int replayed = (int) results.stream().filter(r -> r.status() == Status.REPLAYED).count();
    return new ReplayReport(topic, results.size(), replayed, results.size() - replayed, results);
  }
}
