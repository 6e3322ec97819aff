package io.articlepipeline.enrich.app.reprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReprocessPlanTest {

  @Test
  void theCommitMetadataCarriesThePlanWhole() {
    ReprocessPlan plan = new ReprocessPlan(Instant.parse("2026-12-01T08:00:00.123Z"), Instant.parse("2026-12-08T01:00:00Z"),
        Map.of(0, 5L, 1, 0L, 2, 7L), Map.of(0, 10L, 1, 3L, 2, 7L));
    assertThat(ReprocessPlan.parse(plan.metadata())).isEqualTo(plan);
    assertThat(plan.records()).isEqualTo(8);
    ReprocessPlan all = new ReprocessPlan(null, Instant.parse("2026-12-08T01:00:00Z"), Map.of(0, 0L), Map.of(0, 4L));
    assertThat(ReprocessPlan.parse(all.metadata())).isEqualTo(all);
  }

  @Test
  void metadataThatIsNotAPlanIsNone() {
    assertThat(ReprocessPlan.parse(null)).isNull();
    assertThat(ReprocessPlan.parse("")).isNull();
    assertThat(ReprocessPlan.parse("reprocess/done")).isNull();
    assertThat(ReprocessPlan.parse("reprocess/1 startedAt=x since=- from=0:0 upTo=0:1")).isNull();
    assertThat(ReprocessPlan.parse("reprocess/1 startedAt=1 since=-")).isNull();
  }
}
