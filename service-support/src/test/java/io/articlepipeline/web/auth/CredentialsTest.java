package io.articlepipeline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CredentialsTest {

  @TempDir
  Path dir;

  private Path write(String submit, String ops, String perms) throws Exception {
    Path file = dir.resolve("credentials.properties");
    Files.writeString(file, "# tokens\nsubmit.token=" + submit + "\nops.token=" + ops + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
    return file;
  }

  @Test
  void eachTokenHasItsRoleAndNothingElseHasOne() throws Exception {
    Credentials c = new Credentials(write("sub-1", "ops-1", "rw-------"), Map.of());
    assertThat(c.roleOf("sub-1")).isEqualTo("submit");
    assertThat(c.roleOf("ops-1")).isEqualTo("ops");
    assertThat(c.roleOf("sub-")).isNull();
    assertThat(c.roleOf("sub-1x")).isNull();
    assertThat(c.roleOf("")).isNull();
    assertThat(c.roleOf(null)).isNull();
  }

  @Test
  void configuredTokensServeRolesTheFileDoesNotName() {
    Credentials c = new Credentials(null, Map.of("ops", "from-env", "submit", " "));
    assertThat(c.roleOf("from-env")).isEqualTo("ops");
    assertThat(c.hasRole("submit")).isFalse();
  }

  @Test
  void onlyFixedLengthDigestsAreKeptAndComparedInConstantTime() throws Exception {
    Credentials c = new Credentials(write("a-rather-long-submit-token-value", "o", "rw-------"), Map.of());
    // what is kept are SHA-256 digests, all 32 bytes whatever the token: no length, no prefix to time
    assertThat(c.current()).allSatisfy((role, digest) -> assertThat(digest).hasSize(32));
    assertThat(c.current().get("submit"))
        .isNotEqualTo("a-rather-long-submit-token-value".getBytes(StandardCharsets.UTF_8))
        .isEqualTo(Credentials.digest("a-rather-long-submit-token-value"));
    assertThat(c.toString()).doesNotContain("a-rather-long-submit-token-value");
    // and the comparison is MessageDigest.isEqual on those digests, never String/Arrays equality
    String source = Files.readString(Path.of("src/main/java/io/articlepipeline/web/auth/Credentials.java"));
    String roleOf = source.substring(source.indexOf("public String roleOf("), source.indexOf("Map<String, byte[]> current()"));
    assertThat(roleOf).contains("MessageDigest.isEqual(e.getValue(), given)")
        .doesNotContain(".equals(").doesNotContain("Arrays.equals").doesNotContain("break").doesNotContain("return e");
  }

  @Test
  void aRewrittenFileIsInForceAtTheNextRequestWithoutARestart() throws Exception {
    Path file = write("old-submit", "old-ops", "rw-------");
    Credentials c = new Credentials(file, Map.of());
    assertThat(c.roleOf("old-submit")).isEqualTo("submit");

    write("new-submit", "old-ops", "rw-------");
    Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));

    assertThat(c.roleOf("old-submit")).isNull();
    assertThat(c.roleOf("new-submit")).isEqualTo("submit");
    assertThat(c.roleOf("old-ops")).isEqualTo("ops");
  }

  @Test
  void aFileReplacedByRenameIsInForceToo() throws Exception {
    Path file = write("s1", "o1", "rw-------");
    Credentials c = new Credentials(file, Map.of());
    assertThat(c.roleOf("s1")).isEqualTo("submit");
    Path next = dir.resolve("next");
    Files.writeString(next, "submit.token=s2\nops.token=o1\n");
    Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertThat(c.roleOf("s2")).isEqualTo("submit");
    assertThat(c.roleOf("s1")).isNull();
  }

  @Test
  void whileTheFileIsGoneTheTokensReadLastStayInForce() throws Exception {
    Path file = write("s1", "o1", "rw-------");
    Credentials c = new Credentials(file, Map.of());
    Files.delete(file);
    assertThat(c.roleOf("s1")).isEqualTo("submit");
    write("s2", "o1", "rw-------");
    assertThat(c.roleOf("s2")).isEqualTo("submit");
    assertThat(c.roleOf("s1")).isNull();
  }

  @Test
  void aFileOthersCanReadIsUsedWithAWarningNamingTheFix(CapturedOutput output) throws Exception {
    Path file = write("s", "o", "rw-r--r--");
    new Credentials(file, Map.of());
    assertThat(output.getOut()).contains("Credentials file " + file + " is accessible to group or others")
        .contains("chmod 600 " + file);
    assertThat(Credentials.warnIfOpen(file)).isTrue();
  }

  @Test
  void anOwnerOnlyFileGetsNoWarning(CapturedOutput output) throws Exception {
    Path file = write("s", "o", "rw-------");
    new Credentials(file, Map.of());
    assertThat(Credentials.warnIfOpen(file)).isFalse();
    assertThat(output.getOut()).doesNotContain("accessible to group or others");
  }
}
