package io.articlepipeline.support.kafka;


import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.articlepipeline.serde.SchemaRegistryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.FixedBackOff;

/** The index stage's error handler on a failed batch: retried, never given up on early. */
class BatchRetryTest {

  private static final TopicPartition PARTITION = new TopicPartition("articles.enriched", 2);

  /** What a stage's listener throws while the registry is down (the index stage's IncomingRecords, say). */
  private static Exception registryDown() {
    SerializationException cause = new SerializationException("Cannot read a record with schema id 2",
        new SchemaRegistryException("Schema registry unreachable", 0, -1, null));
    return new ListenerExecutionFailedException("Listener failed", new IllegalStateException(
        "the schema registry is unreachable", new DeserializationException("failed to deserialize", new byte[0], false, cause)));
  }

  /** Runs the handler on a batch whose listener fails {@code failures} more times. */
  private static void handle(DefaultErrorHandler handler, int failures) {
    handle(handler, failures, registryDown(), mock(Consumer.class));
  }

  private static void handle(DefaultErrorHandler handler, int failures, Exception thrown, Consumer<String, Object> consumer) {
    ConsumerRecord<String, Object> record = new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), 4128, "a1", null);
    ConsumerRecords<String, Object> batch = new ConsumerRecords<>(Map.of(PARTITION, List.of(record)), Map.of());
    when(consumer.poll(any())).thenReturn(ConsumerRecords.empty());
    when(consumer.assignment()).thenReturn(java.util.Set.of(PARTITION));
    MessageListenerContainer container = mock(MessageListenerContainer.class);
    when(container.isRunning()).thenReturn(true);
    AtomicInteger left = new AtomicInteger(failures);
    Runnable listener = () -> {
      if (left.getAndDecrement() > 0) {
        throw (RuntimeException) registryDown();
      }
    };
    try {
      handler.handleBatch(thrown, batch, consumer, container, listener);
    } catch (RuntimeException e) {
      // a handler that gives up may rethrow after recovering; its recoverer recorded the records
    }
  }

  @Test
  void aBatchFailingForAnUnreachableRegistryIsRetriedUntilItSucceeds() {
    List<ConsumerRecord<?, ?>> givenUp = new ArrayList<>();
    DefaultErrorHandler handler = BatchRetry.retryingEveryFailure(new FixedBackOff(0, 10),
        (r, e) -> givenUp.add(r));

    handle(handler, 3);

    assertThat(givenUp).isEmpty();
  }

  @Test
  void springsDefaultWouldHaveSkippedThatBatchAtOnce() {
    List<ConsumerRecord<?, ?>> givenUp = new ArrayList<>();
    DefaultErrorHandler spring = new DefaultErrorHandler((r, e) -> givenUp.add(r), new FixedBackOff(0, 10));

    handle(spring, 3);

    assertThat(givenUp).extracting(ConsumerRecord::offset).containsExactly(4128L);
  }

  @Test
  void aBatchWhoseRecordsCouldNotBeDecodedIsSoughtBackSoTheNextPollDecodesThemAgain() {
    List<ConsumerRecord<?, ?>> givenUp = new ArrayList<>();
    DefaultErrorHandler handler = BatchRetry.retryingEveryFailure(new FixedBackOff(0, 10),
        (r, e) -> givenUp.add(r));
    @SuppressWarnings("unchecked")
    Consumer<String, Object> consumer = mock(Consumer.class);
    Exception thrown = new ListenerExecutionFailedException("Listener failed",
        new BatchListenerFailedException("the schema registry is unreachable", registryDown(), 0));

    handle(handler, 0, thrown, consumer);

    verify(consumer).seek(PARTITION, 4128);
    verify(consumer, never()).commitSync(anyMap(), any());
    assertThat(givenUp).isEmpty();
  }
}
