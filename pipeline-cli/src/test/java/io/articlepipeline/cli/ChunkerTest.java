package io.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  @Test
  void closesAChunkAtTheArticleCount() {
    List<Integer> sizes = chunk(new Chunker(3, Long.MAX_VALUE), 7, 10);

    assertThat(sizes).containsExactly(3, 3, 1);
  }

  @Test
  void closesAChunkBeforeItWouldPassTheByteLimit() {
    // each article takes 10 bytes with its newline: 25 bytes hold two
    List<Integer> sizes = chunk(new Chunker(100, 25), 5, 9);

    assertThat(sizes).containsExactly(2, 2, 1);
  }

  @Test
  void anArticleLargerThanTheLimitGoesAloneForTheServiceToJudge() {
    Chunker chunker = new Chunker(100, 25);
    List<Integer> sizes = new ArrayList<>();
    for (int len : new int[] {5, 40, 5}) {
      List<Article> closed = chunker.add(article(len));
      if (closed != null) {
        sizes.add(closed.size());
      }
    }
    sizes.add(chunker.flush().size());

    assertThat(sizes).containsExactly(1, 1, 1);
    assertThat(chunker.flush()).isNull();
  }

  private static List<Integer> chunk(Chunker chunker, int n, int len) {
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Article> closed = chunker.add(article(len));
      if (closed != null) {
        sizes.add(closed.size());
      }
    }
    List<Article> last = chunker.flush();
    if (last != null) {
      sizes.add(last.size());
    }
    return sizes;
  }

  private static Article article(int len) {
    return Article.of(new Provenance(Path.of("f.jsonl"), 1), "x".repeat(len));
  }
}
