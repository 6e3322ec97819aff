package io.articlepipeline.enrich.core.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeywordContentTest {

  @Test
  void keywordsAreReadFromTheFirstHundredThousandContentCharacters() {
    int n = KeywordExtractor.MAX_CONTENT * 3;
    boolean[] content = new boolean[n];
    Arrays.fill(content, true);
    Arrays.fill(content, 0, 1000, false); // a header that is not content
    boolean[] read = KeywordExtractor.keywordContent("慈".repeat(n), content);
    int inside = 0;
    for (boolean b : read) {
      inside += b ? 1 : 0;
    }
    assertThat(inside).isEqualTo(KeywordExtractor.MAX_CONTENT);
    assertThat(read[1000]).isTrue();
    assertThat(read[1000 + KeywordExtractor.MAX_CONTENT - 1]).isTrue();
    assertThat(read[1000 + KeywordExtractor.MAX_CONTENT]).isFalse();
    assertThat(content[n - 1]).as("the caller's mask is not changed").isTrue();
  }

  @Test
  void anArticleShorterThanTheLimitIsReadWhole() {
    boolean[] content = new boolean[5000];
    Arrays.fill(content, true);
    assertThat(KeywordExtractor.keywordContent("慈".repeat(5000), content)).isSameAs(content);
  }
}
