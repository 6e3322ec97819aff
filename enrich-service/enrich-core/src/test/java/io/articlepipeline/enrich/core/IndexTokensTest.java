package io.articlepipeline.enrich.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.text.IndexTokens;
import org.junit.jupiter.api.Test;

/** The enricher's query tokens are the shared index tokens, so search matches what was indexed. */
class IndexTokensTest {

  @Test
  void theEnricherTokenizesAQueryAsTheSearchServiceDoes() {
    IndexTokens search = IndexTokens.plain();
    for (String q : new String[] {"慈善總會志願服務", "ＲＥＤ Cross", "中国扶贫基金会“防汛”。", ""}) {
      assertThat(Shared.ENRICHER.indexTokens(q)).isEqualTo(search.of(q));
    }
  }
}
