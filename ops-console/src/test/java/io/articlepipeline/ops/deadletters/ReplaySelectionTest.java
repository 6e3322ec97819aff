package io.articlepipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.ops.deadletters.ReplayRequest.RecordRef;
import io.articlepipeline.ops.web.BadRequestException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplaySelectionTest {

  @Test
  void groupsSelectedOffsetsByPartition() {
    assertThat(DeadLettersController.offsetsByPartition(List.of(
        new RecordRef(0, 3L), new RecordRef(1, 4L), new RecordRef(0, 9L))))
        .isEqualTo(Map.of(0, Set.of(3L, 9L), 1, Set.of(4L)));
  }

  @Test
  void namesEachBadRecord() {
    assertThatThrownBy(() -> DeadLettersController.offsetsByPartition(List.of(
        new RecordRef(null, 3L), new RecordRef(0, -1L))))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.details())
            .containsExactly("records[0].partition must be a number >= 0",
                "records[1].offset must be a number >= 0"));
  }
}
