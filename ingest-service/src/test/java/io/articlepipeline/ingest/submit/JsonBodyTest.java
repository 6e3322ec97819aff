package io.articlepipeline.ingest.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** JSON is read as the submit API always read it, whichever Jackson reads it. */
class JsonBodyTest {

  @Test
  void nestingUpTo1000LevelsIsRead() {
    assertThat(JsonBody.read("[".repeat(1000) + "]".repeat(1000)).isArray()).isTrue();
    assertThatThrownBy(() -> JsonBody.read("[".repeat(1001) + "]".repeat(1001)))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("Document nesting depth (1001) exceeds the maximum allowed (1000");
  }

  @Test
  void numbersOfMoreThan1000DigitsAreRefused() {
    assertThat(JsonBody.read("9".repeat(1000)).isNumber()).isTrue();
    assertThatThrownBy(() -> JsonBody.read("9".repeat(1001)))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining("Number value length (1001) exceeds the maximum allowed (1000");
  }

  @Test
  void contentAfterTheFirstValueIsIgnoredAndTheLastDuplicateWins() {
    assertThat(JsonBody.read("{\"a\": 1, \"a\": 2} trailing").get("a").asInt()).isEqualTo(2);
  }

  @Test
  void saysFieldNameAndWhereAnUnclosedObjectStarted() {
    assertThatThrownBy(() -> JsonBody.read("{'a': 1}"))
        .hasMessage("Request body is not valid JSON: Unexpected character (''' (code 39)): "
            + "was expecting double-quote to start field name (line 1, column 2)");
    assertThatThrownBy(() -> JsonBody.read("[\n  {\"a\": 1"))
        .hasMessage("Request body is not valid JSON: Unexpected end-of-input: expected close marker for Object "
            + "(start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); "
            + "line: 2, column: 3]) (line 2, column 10)");
  }
}
