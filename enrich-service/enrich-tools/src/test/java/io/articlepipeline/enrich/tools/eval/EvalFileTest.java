package io.articlepipeline.enrich.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalFileTest {

  @TempDir
  Path dir;

  private Path file(String content) throws Exception {
    Path f = dir.resolve("eval.jsonl");
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void aByteOrderMarkAndBlankLinesAreFine() throws Exception {
    Path f = file("\uFEFF{\"text\": \"青岛市慈善总会\", \"orgs\": [\"青岛市慈善总会\"], \"title\": null}\n\n"
        + "{\"text\": \"b\", \"orgs\": []}\n");

    List<Map<String, Object>> docs = EvalMain.read(f, "orgs");

    assertThat(docs).hasSize(2);
    assertThat(docs.get(0)).containsEntry("text", "青岛市慈善总会").containsEntry("orgs", List.of("青岛市慈善总会"));
  }

  @Test
  void aBrokenLineIsNamedByItsNumber() throws Exception {
    Path f = file("{\"text\": \"a\", \"keywords\": []}\n\n{\"text\": \"b\", \"keywords\": [\n");

    assertThatThrownBy(() -> EvalMain.read(f, "keywords"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(f + ":3: not valid JSON");
  }

  @Test
  void aLineWithoutTheTasksListSaysWhatIsMissing() throws Exception {
    Path f = file("{\"text\": \"a\", \"keywords\": [\"x\"]}\n");

    assertThatThrownBy(() -> EvalMain.read(f, "orgs"))
        .hasMessage(f + ":1: \"orgs\" must be a list of strings (eval orgs reads lines with \"text\" and \"orgs\")");
  }

  @Test
  void wrongTypesAreRefused() throws Exception {
    assertThatThrownBy(() -> EvalMain.read(file("{\"text\": 3, \"orgs\": []}\n"), "orgs"))
        .hasMessageEndingWith(":1: \"text\" must be a string");
    assertThatThrownBy(() -> EvalMain.read(file("{\"text\": \"a\", \"keywords\": [\"x\", 2]}\n"), "keywords"))
        .hasMessageContaining("\"keywords\" must be a list of strings");
    assertThatThrownBy(() -> EvalMain.read(file("{\"text\": \"a\", \"orgs\": [], \"title\": [\"t\"]}\n"), "orgs"))
        .hasMessageEndingWith(":1: \"title\" must be a string or null");
    assertThatThrownBy(() -> EvalMain.read(file("[\"not an object\"]\n"), "orgs"))
        .hasMessageEndingWith(":1: expected a JSON object, one per line");
  }

  @Test
  void aMissingOrNonUtf8FileIsAClearError() throws Exception {
    assertThatThrownBy(() -> JsonLines.read(dir.resolve("absent.jsonl"))).hasMessageEndingWith("absent.jsonl: no such file");
    Path latin1 = dir.resolve("latin1.jsonl");
    Files.write(latin1, new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});
    assertThatThrownBy(() -> JsonLines.read(latin1)).hasMessageEndingWith("latin1.jsonl: not UTF-8 text");
  }

  @Test
  void aTrainingDirectoryListsItsJsonLinesFilesOrSaysWhatIsWrong() throws Exception {
    Path train = Files.createDirectories(dir.resolve("train"));
    Files.writeString(train.resolve("b.jsonl"), "{}\n");
    Files.writeString(train.resolve("a.jsonl"), "{}\n");
    Files.writeString(train.resolve("README.md"), "not data\n");
    assertThat(JsonLines.files(train)).containsExactly(train.resolve("a.jsonl"), train.resolve("b.jsonl"));
    assertThatThrownBy(() -> JsonLines.files(dir.resolve("absent"))).hasMessageEndingWith("absent: no such directory");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> JsonLines.files(empty)).hasMessageEndingWith("empty: no .jsonl files in it");
  }
}
