package io.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPlanTest {

  @TempDir
  Path dir;

  @Test
  void walksDirectoriesInPathOrderByKindAndCountsTheOthers() throws Exception {
    Path sub = Files.createDirectories(dir.resolve("b"));
    Files.writeString(sub.resolve("x.NDJSON"), "");
    Files.writeString(dir.resolve("a.json"), "");
    Files.writeString(dir.resolve("c.jsonl"), "");
    Files.writeString(dir.resolve("page.htm"), "");
    Files.writeString(sub.resolve("page.txt"), "");
    Files.writeString(dir.resolve("README.md"), "");
    Files.writeString(dir.resolve("data.csv"), "");

    InputPlan plan = InputPlan.of(List.of(dir));

    assertThat(plan.jsonFiles()).containsExactly(dir.resolve("a.json"), sub.resolve("x.NDJSON"), dir.resolve("c.jsonl"));
    assertThat(plan.pages()).containsExactly(sub.resolve("page.txt"), dir.resolve("page.htm"));
    assertThat(plan.skippedFiles()).isEqualTo(2);
  }

  @Test
  void aNamedFileOfAnotherKindIsAnError() throws Exception {
    Path csv = Files.writeString(dir.resolve("data.csv"), "");

    assertThatThrownBy(() -> InputPlan.of(List.of(csv))).isInstanceOf(UsageException.class)
        .hasMessageContaining("data.csv: not a kind of file submit reads (.jsonl, .ndjson, .json, .txt, .html, .htm)");
  }

  @Test
  void aMissingPathIsAnError() {
    assertThatThrownBy(() -> InputPlan.of(List.of(dir.resolve("nope")))).isInstanceOf(UsageException.class)
        .hasMessage(dir.resolve("nope") + ": no such file or directory");
  }
}
