package io.articlepipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The settings that keep the services closed, checked in the files that ship them: actuator
 * exposure in every application.yml, and the credentials file {@code ./pipeline} writes.
 */
class SecuritySettingsTest {

  private static final Path ROOT = Path.of("..");

  private static final List<String> APPS = List.of("ingest-service", "enrich-service/enrich-app", "index-service",
      "ops-console");

  @Test
  @SuppressWarnings("unchecked")
  void everyServiceExposesHealthAndPrometheusOnly() throws IOException {
    for (String app : APPS) {
      Map<String, Object> yml = new Yaml().load(Files.readString(ROOT.resolve(app).resolve("src/main/resources/application.yml")));
      Map<String, Object> web = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) yml.get("management"))
          .get("endpoints")).get("web");
      Object include = ((Map<String, Object>) web.get("exposure")).get("include");
      assertThat(new TreeSet<>(Arrays.asList(String.valueOf(include).replace(" ", "").split(","))))
          .as(app + " management.endpoints.web.exposure.include").containsExactly("health", "prometheus");
      assertThat(((Map<String, Object>) web.get("exposure")).get("exclude")).as(app).isNull();
    }
  }

  @Test
  void everyServiceReadsItsTokensThroughTheSharedFilter() throws IOException {
    for (String app : APPS) {
      String yml = Files.readString(ROOT.resolve(app).resolve("src/main/resources/application.yml"));
      assertThat(yml).as(app).contains("auth:").contains("credentials-file: ${PIPELINE_AUTH_CREDENTIALS_FILE:}")
          .contains("ops: ${ops.token:}");
    }
  }

  /** Runs {@code ensure_credentials} of ./pipeline on its own, in a scratch directory. */
  private static void ensureCredentials(Path dir) throws Exception {
    String script = "set -euo pipefail; source <(sed -n '/^ensure_credentials() {/,/^}/p' " + ROOT.resolve("pipeline")
        + "); ensure_credentials " + dir;
    Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
  }

  @Test
  void theCredentialsFileIsCreatedReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
    ensureCredentials(dir);
    Path file = dir.resolve("credentials.properties");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).containsPattern("(?m)^submit\\.token=[0-9a-f]{48}$")
        .containsPattern("(?m)^ops\\.token=[0-9a-f]{48}$");
  }

  @Test
  void anExistingCredentialsFileOthersCouldReadIsNarrowedAndKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("credentials.properties");
    Files.writeString(file, "submit.token=s\nops.token=o\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    ensureCredentials(dir);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readString(file)).isEqualTo("submit.token=s\nops.token=o\n");
  }

  @Test
  void theServicesAreToldWhereTheCredentialsFileIs() throws IOException {
    assertThat(Files.readString(ROOT.resolve("pipeline")))
        .contains("export PIPELINE_AUTH_CREDENTIALS_FILE=\"$dir/credentials.properties\"");
  }
}
