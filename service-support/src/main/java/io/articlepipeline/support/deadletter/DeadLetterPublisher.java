package io.articlepipeline.support.deadletter;

import java.util.List;

/** Writes dead letters durably before the batch's offsets are committed. */
public interface DeadLetterPublisher {

  /** Returns once every dead letter is acknowledged; throws if any could not be written. */
  void publish(List<DeadLetter> deadLetters);
}
