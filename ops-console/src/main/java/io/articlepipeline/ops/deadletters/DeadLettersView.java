package io.articlepipeline.ops.deadletters;

import io.articlepipeline.support.deadletter.DeadLetterView;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/ops/dead-letters}.
 *
 * @param takenAt when the topics were read
 * @param topics one entry per dead-letter topic
 */
public record DeadLettersView(Instant takenAt, List<TopicDeadLetters> topics) {

  /**
   * One dead-letter topic.
   *
   * @param topic the dead-letter topic
   * @param sourceTopic the topic its records came from
   * @param exists false when the topic has not been created (nothing failed yet)
   * @param count dead letters in the topic now (end minus start offsets)
   * @param total dead letters ever written (sum of end offsets)
   * @param newest the newest dead letters, newest first
   */
  public record TopicDeadLetters(String topic, String sourceTopic, boolean exists, long count,
      long total, List<DeadLetterView> newest) {
  }
}
