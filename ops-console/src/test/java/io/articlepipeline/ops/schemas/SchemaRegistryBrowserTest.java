package io.articlepipeline.ops.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.articlepipeline.ops.http.JsonHttp.Answer;
import io.articlepipeline.ops.schemas.SchemasView.Subject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SchemaRegistryBrowserTest {

  private static final String BASE = "http://registry/apis/ccompat/v7";
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Answer> answers = new HashMap<>();
  private final SchemaRegistryBrowser browser = new SchemaRegistryBrowser(URI.create(BASE + "/"),
      uri -> answers.getOrDefault(uri.toString(), answer(404, "{\"error_code\":40401}")));

  @Test
  void readsSubjectsVersionsAndSchemaText() {
    confluentRegistryWithOneSubject();

    SchemasView view = browser.read();

    assertThat(view.globalCompatibility()).isEqualTo("BACKWARD");
    assertThat(view.mode()).isEqualTo("READWRITE");
    Subject subject = view.subjects().get(0);
    assertThat(subject.subject()).isEqualTo("articles.submitted-value");
    assertThat(subject.versions()).extracting(SchemasView.Version::version).containsExactly(1, 2);
    assertThat(subject.versions().get(1).id()).isEqualTo(7);
    assertThat(subject.versions().get(1).schemaType()).isEqualTo("AVRO");
    assertThat(subject.versions().get(1).schema()).contains("ArticleSubmitted");
  }

  @Test
  void subjectWithoutItsOwnLevelInheritsTheGlobalOne() {
    confluentRegistryWithOneSubject();

    Subject subject = browser.read().subjects().get(0);

    assertThat(subject.compatibility()).isEqualTo("BACKWARD");
    assertThat(subject.compatibilitySource()).isEqualTo("global");
  }

  @Test
  void subjectLevelWinsWhenSet() {
    confluentRegistryWithOneSubject();
    answers.put(BASE + "/config/articles.submitted-value", answer(200, "{\"compatibilityLevel\":\"FULL\"}"));

    Subject subject = browser.read().subjects().get(0);

    assertThat(subject.compatibility()).isEqualTo("FULL");
    assertThat(subject.compatibilitySource()).isEqualTo("subject");
  }

  @Test
  void apicurioDifferencesAreNotedNotFatal() {
    confluentRegistryWithOneSubject();
    answers.put(BASE + "/mode", answer(404, "{\"message\":\"Operation not supported.\",\"error_code\":0}"));
    answers.put(BASE + "/config/articles.submitted-value", answer(200, "{\"compatibilityLevel\":\"NONE\"}"));

    SchemasView view = browser.read();

    assertThat(view.mode()).isNull();
    assertThat(view.subjects().get(0).compatibility()).isEqualTo("BACKWARD");
    assertThat(view.subjects().get(0).subjectLevel()).isEqualTo("NONE");
    assertThat(view.notes()).anyMatch(n -> n.contains("/mode")).anyMatch(n -> n.contains("NONE"));
  }

  @Test
  void registryErrorNamesTheSetting() {
    answers.put(BASE + "/config", answer(500, "{\"error_code\":50001}"));

    assertThatThrownBy(browser::read).hasMessageContaining("pipeline.ops.registry.url");
  }

  private void confluentRegistryWithOneSubject() {
    answers.put(BASE + "/config", answer(200, "{\"compatibilityLevel\":\"BACKWARD\"}"));
    answers.put(BASE + "/mode", answer(200, "{\"mode\":\"READWRITE\"}"));
    answers.put(BASE + "/subjects", answer(200, "[\"articles.submitted-value\"]"));
    answers.put(BASE + "/subjects/articles.submitted-value/versions", answer(200, "[1,2]"));
    answers.put(BASE + "/subjects/articles.submitted-value/versions/1", answer(200,
        "{\"subject\":\"articles.submitted-value\",\"version\":1,\"id\":3,\"schema\":\"{}\"}"));
    answers.put(BASE + "/subjects/articles.submitted-value/versions/2", answer(200,
        "{\"subject\":\"articles.submitted-value\",\"version\":2,\"id\":7,"
            + "\"schema\":\"{\\\"name\\\":\\\"ArticleSubmitted\\\"}\"}"));
  }

  private Answer answer(int status, String body) {
    return new Answer(status, json.readTree(body));
  }
}
