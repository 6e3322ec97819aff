package io.articlepipeline.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.schemas.avro.ArticleSubmitted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionServiceTest {

  private final List<ArticleSubmitted> published = new ArrayList<>();
  private final ArticlePublisher publisher = new ArticlePublisher() {
    @Override
    public void publish(ArticleSubmitted article) {
      published.add(article);
    }

    @Override
    public void retract(String id) {
    }
  };
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private final SubmissionService service = new SubmissionService(publisher, clock);

  private static Submission submission(String id, Long revision, String url) {
    return new Submission(id, revision, "标题", "正文", url, null, null, null, null, null, "application/json");
  }

  @Test
  void resubmittingTheSameContentKeepsTheId() {
    String first = service.accept(submission(null, null, null)).id();
    String second = service.accept(submission(null, null, null)).id();

    assertThat(first).isEqualTo(second).startsWith("c-").hasSize(18);
  }

  @Test
  void derivesTheIdFromTheUrlWhenThereIsOne() {
    String a = service.accept(submission(null, null, "https://example.org/1")).id();
    String b = service.accept(new Submission(null, null, "改过的标题", "改过的正文", "https://example.org/1",
        null, null, null, null, null, "application/json")).id();

    assertThat(a).isEqualTo(b).startsWith("u-");
  }

  @Test
  void laterSubmissionsGetHigherRevisionsEvenWithinOneMillisecond() {
    long first = service.accept(submission(null, null, null)).revision();
    long second = service.accept(submission(null, null, null)).revision();

    assertThat(second).isGreaterThan(first);
    assertThat(first).isEqualTo(clock.millis());
  }

  @Test
  void keepsTheSubmittersIdAndRevision() {
    SubmissionService.Accepted accepted = service.accept(submission("mine-1", 42L, null));

    assertThat(accepted).isEqualTo(new SubmissionService.Accepted("mine-1", 42L));
    assertThat(published).singleElement().satisfies(a -> {
      assertThat(a.getId()).isEqualTo("mine-1");
      assertThat(a.getRevision()).isEqualTo(42L);
      assertThat(a.getSubmittedAt()).isEqualTo(clock.instant());
    });
  }
}
