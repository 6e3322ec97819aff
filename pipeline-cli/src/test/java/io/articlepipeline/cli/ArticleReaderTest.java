package io.articlepipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class ArticleReaderTest {

  @TempDir
  Path dir;

  private final ArticleReader reader = new ArticleReader(JsonMapper.builder().build());
  private final List<Article> articles = new ArrayList<>();
  private final List<Problem> refused = new ArrayList<>();

  @Test
  void jsonLinesAreSentAsWrittenSkippingBlankLinesAndKeepingLineNumbers() throws Exception {
    Path file = Files.writeString(dir.resolve("a.jsonl"),
        "\uFEFF{\"title\":\"a\", \"body\":\"b\"}\n\n   \n{\"title\":\"c\",\"body\":\"d\"}  \n[1]\n{oops\n");

    reader.read(file, articles::add, refused::add);

    assertThat(articles).extracting(a -> a.origin().line()).containsExactly(1, 4);
    assertThat(new String(articles.get(0).json(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"a\", \"body\":\"b\"}");
    assertThat(refused).extracting(p -> p.origin().line()).containsExactly(5, 6);
    assertThat(refused.get(0).message()).isEqualTo("json: not a JSON object");
    assertThat(reader.count(file)).isEqualTo(4);
  }

  @Test
  void aJsonFileMayHoldOneArticle() throws Exception {
    Path file = Files.writeString(dir.resolve("one.json"), "{\n  \"title\": \"t\",\n  \"body\": \"b\"\n}\n");

    reader.read(file, articles::add, refused::add);

    assertThat(articles).singleElement().satisfies(a -> {
      assertThat(new String(a.json(), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"t\",\"body\":\"b\"}");
      assertThat(a.origin()).hasToString(file + ":1");
    });
    assertThat(refused).isEmpty();
  }

  @Test
  void anArrayElementThatIsNotAnObjectIsRefusedWithItsLine() throws Exception {
    Path file = Files.writeString(dir.resolve("many.json"), "[\n{\"title\":\"t\",\"body\":\"b\"},\n\"text\",\n[1, 2]\n]");

    reader.read(file, articles::add, refused::add);

    assertThat(articles).hasSize(1);
    assertThat(refused).extracting(Problem::toString)
        .containsExactly(file + ":3: json: array element is not a JSON object",
            file + ":4: json: array element is not a JSON object");
    assertThat(reader.count(file)).isEqualTo(3);
  }

  @Test
  void brokenJsonIsRefusedAtTheLineItBreaks() throws Exception {
    Path file = Files.writeString(dir.resolve("broken.json"), "[\n{\"title\":\"t\",\"body\":\"b\"},\n{\"title\": }\n]");

    reader.read(file, articles::add, refused::add);

    assertThat(articles).hasSize(1);
    assertThat(refused).singleElement().satisfies(p -> {
      assertThat(p.origin().line()).isEqualTo(3);
      assertThat(p.message()).startsWith("json: ");
    });
  }
}
