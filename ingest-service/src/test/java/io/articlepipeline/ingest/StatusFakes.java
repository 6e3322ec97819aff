package io.articlepipeline.ingest;

import io.articlepipeline.ingest.status.ArticleStatus;
import io.articlepipeline.ingest.status.DeadLetter;
import io.articlepipeline.ingest.status.DeadLetterWatch;
import io.articlepipeline.ingest.status.IndexLookup;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The status poll's sources replaced: an index and dead letters the test fills in. */
@TestConfiguration
public class StatusFakes {

  @Bean
  FakeIndex indexLookup() {
    return new FakeIndex();
  }

  @Bean
  FakeDeadLetters deadLetterWatch() {
    return new FakeDeadLetters();
  }

  public static class FakeIndex extends IndexLookup {
    final Map<String, ArticleStatus.Indexed> articles = new HashMap<>();
    boolean down;

    FakeIndex() {
      super("http://index.invalid");
    }

    @Override
    public Optional<ArticleStatus.Indexed> find(String id) {
      if (down) {
        throw new Unavailable("the index service at http://index.invalid is not reachable (ConnectException)", null);
      }
      return Optional.ofNullable(articles.get(id));
    }
  }

  public static class FakeDeadLetters extends DeadLetterWatch {
    final Map<String, DeadLetter> letters = new HashMap<>();

    FakeDeadLetters() {
      super("kafka.invalid:9092", null);
    }

    @Override
    public void start() {
      // no broker in unit tests
    }

    @Override
    public void stop() {
    }

    @Override
    public Optional<DeadLetter> newest(String id) {
      return Optional.ofNullable(letters.get(id));
    }
  }
}
