package io.articlepipeline.ops.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BearerTokenCheckTest {

  private final BearerTokenCheck check = new BearerTokenCheck("s3cret");

  @Test
  void acceptsTheBearerToken() {
    assertThat(check.accepts("Bearer s3cret")).isTrue();
    assertThat(check.accepts("bearer s3cret")).isTrue();
  }

  @Test
  void refusesWrongMissingOrOtherSchemes() {
    assertThat(check.accepts("Bearer s3cre")).isFalse();
    assertThat(check.accepts(null)).isFalse();
    assertThat(check.accepts("Basic s3cret")).isFalse();
    assertThat(check.accepts("Bearer ")).isFalse();
  }

  @Test
  void blankTokenIsRefusedAtStartNamingTheProperty() {
    assertThatThrownBy(() -> new BearerTokenCheck(" "))
        .hasMessageContaining("pipeline.ops.token");
  }
}
