package io.articlepipeline.index.reindex;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The rebuild is an ops endpoint under the index's application.yml rules: ops token only. */
@WebMvcTest(controllers = ReindexController.class)
@TestPropertySource(properties = {"pipeline.auth.tokens.ops=ops-t0ken", "pipeline.auth.tokens.submit=submit-t0ken"})
class ReindexAccessTest {

  @Autowired
  MockMvc mvc;

  @MockitoBean
  Reindexer reindexer;

  @Test
  void withoutATokenTheRebuildIs401AsAProblemDocument() throws Exception {
    mvc.perform(post("/api/admin/reindex"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"index-service\""))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.instance").value("/api/admin/reindex"))
        .andExpect(jsonPath("$.error").value(org.hamcrest.Matchers.containsString("ops token")));
  }

  @Test
  void aSubmitTokenCannotRebuild() throws Exception {
    mvc.perform(post("/api/admin/reindex").header("Authorization", "Bearer submit-t0ken"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("t0ken"))));
    mvc.perform(get("/api/admin/reindex").header("Authorization", "Bearer submit-t0ken"))
        .andExpect(status().isForbidden());
  }

  @Test
  void theOpsTokenReadsTheRebuildStatus() throws Exception {
    when(reindexer.status()).thenReturn(ReindexStatus.idle());
    mvc.perform(get("/api/admin/reindex").header("Authorization", "Bearer ops-t0ken"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phase").value("IDLE"));
  }

  @Test
  void aRebuildAlreadyRunningIs409WithItsStateBeside() throws Exception {
    when(reindexer.claim()).thenReturn(false);
    when(reindexer.status()).thenReturn(ReindexStatus.idle());
    mvc.perform(post("/api/admin/reindex").header("Authorization", "Bearer ops-t0ken"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.status").value(409))
        .andExpect(jsonPath("$.error").value("a rebuild is already running"))
        .andExpect(jsonPath("$.reindex.phase").value("IDLE"));
  }

  @Test
  void metricsAndOtherActuatorPathsNeedTheOpsTokenHealthDoesNot() throws Exception {
    mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
    mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer submit-t0ken"))
        .andExpect(status().isForbidden());
  }
}
