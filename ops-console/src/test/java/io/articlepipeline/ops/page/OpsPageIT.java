package io.articlepipeline.ops.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.ops.KafkaTestSupport;
import io.articlepipeline.schemas.DeadLetterHeaders;
import io.articlepipeline.testing.HeadlessChromium;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operators' page in headless Chromium against the real broker: log in once, see topics,
 * lag and dead letters (their reason shown as text), replay one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsPageIT {

  private static final String TOKEN = "it-page-token";
  private static final String SOURCE = KafkaTestSupport.uniqueName("ops-it-page");
  private static final String DLQ = SOURCE + ".dlq";
  private static final String GROUP = KafkaTestSupport.uniqueName("ops-it-page-group");
  private static final String REASON = "Unknown magic byte <b>not bold</b> <img src=x onerror=window.__xss=1>"
      + " <script>window.__xss=2</script>";
  /** An article id (the record key) is whatever a producer sent: markup too. */
  private static final String MARKUP_KEY = "article-<img src=y onerror=window.__xss=3>";
  /** Elasticsearch quotes a rejected field's whole value: thousands of characters in one reason. */
  private static final String LONG_REASON = "failed to parse field [organizations.type]: '" + "OTHER".repeat(2000) + "' END-OF-VALUE";

  @LocalServerPort
  int port;

  private HeadlessChromium chromium;
  private WebDriver browser;
  private WebDriverWait wait;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("pipeline.auth.tokens.ops", () -> TOKEN);
    registry.add("spring.cloud.stream.kafka.binder.brokers", () -> KafkaTestSupport.BOOTSTRAP);
    registry.add("pipeline.ops.topics", () -> SOURCE + "," + DLQ);
    registry.add("pipeline.ops.groups[" + GROUP + "]", () -> SOURCE);
    registry.add("pipeline.ops.dead-letters.topics", () -> DLQ);
  }

  @BeforeAll
  static void data() throws Exception {
    KafkaTestSupport.createTopic(SOURCE, 1);
    KafkaTestSupport.createTopic(DLQ, 1);
    KafkaTestSupport.produce(SOURCE, 0, 6);
    KafkaTestSupport.commit(GROUP, Map.of(new TopicPartition(SOURCE, 0), 2L));
    try (KafkaProducer<byte[], byte[]> producer = KafkaTestSupport.producer()) {
      RecordHeaders headers = new RecordHeaders();
      headers.add(DeadLetterHeaders.EXCEPTION_FQCN, utf8("org.apache.kafka.common.errors.SerializationException"));
      headers.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("error occurred in message handler [binder]; " + REASON));
      headers.add(DeadLetterHeaders.EXCEPTION_STACKTRACE, utf8("org.springframework.messaging.MessagingException: x\n"
          + "\tat a.b(C.java:1)\nCaused by: org.apache.kafka.common.errors.SerializationException: " + REASON + "\n"));
      headers.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(SOURCE));
      RecordHeaders otherCause = new RecordHeaders();
      otherCause.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8("error occurred in message handler [binder]"));
      otherCause.add(DeadLetterHeaders.EXCEPTION_STACKTRACE, utf8("Caused by: java.lang.IllegalStateException: registry unreachable\n"));
      otherCause.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(SOURCE));
      producer.send(new ProducerRecord<>(DLQ, 0, null, utf8(MARKUP_KEY), utf8("bytes"), otherCause))
          .get(30, TimeUnit.SECONDS);
      producer.send(new ProducerRecord<>(DLQ, 0, null, utf8("article-x"), utf8("bytes"), headers))
          .get(30, TimeUnit.SECONDS);
      RecordHeaders longHeaders = new RecordHeaders();
      longHeaders.add(DeadLetterHeaders.EXCEPTION_FQCN, utf8("co.elastic.clients.elasticsearch._types.ElasticsearchException"));
      longHeaders.add(DeadLetterHeaders.EXCEPTION_MESSAGE, utf8(LONG_REASON));
      longHeaders.add(DeadLetterHeaders.ORIGINAL_TOPIC, utf8(SOURCE));
      producer.send(new ProducerRecord<>(DLQ, 0, null, utf8("article-long"), utf8("bytes"), longHeaders))
          .get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void cleanUp() throws Exception {
    KafkaTestSupport.deleteQuietly(List.of(SOURCE, DLQ), List.of(GROUP));
  }

  @BeforeEach
  void openBrowser() throws Exception {
    chromium = HeadlessChromium.start("--window-size=1400,1600");
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void closeBrowser() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void operatorLogsInOnceSeesLagAndDeadLettersAndReplaysOne() {
    browser.get("http://127.0.0.1:" + port + "/");

    login("wrong-token");
    wait.until(d -> d.findElement(By.id("login-error")).getText().contains("refused"));

    login(TOKEN);
    wait.until(d -> d.findElement(By.id("console")).isDisplayed());
    wait.until(d -> text("topics-table").contains(SOURCE));
    assertThat(text("topics-table")).contains("0 → 6");

    wait.until(d -> text("groups-table").contains(GROUP));
    assertThat(text("groups-table")).contains("p0=4");

    wait.until(d -> text("dead-letters").contains(REASON));
    assertThat(browser.findElements(By.cssSelector("#dead-letters b, #dead-letters img, #dead-letters script"))).isEmpty();
    wait.until(d -> text("dead-letters").contains(MARKUP_KEY));
    assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__xss === undefined"))
        .isEqualTo(true);
    // a root cause is shown when it says something the message does not (its class name aside)
    assertThat(text("dead-letters")).contains("root cause: java.lang.IllegalStateException: registry unreachable")
        .doesNotContain("root cause: org.apache.kafka.common.errors.SerializationException");

    browser.navigate().refresh();
    wait.until(d -> text("dead-letters").contains(REASON));
    assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();

    // the long reason is folded: its start, and all of it on request (kept open across refreshes)
    wait.until(d -> text("dead-letters").contains("show all") && text("dead-letters").contains("characters"));
    assertThat(text("dead-letters")).contains("failed to parse field").doesNotContain("END-OF-VALUE");
    clickFresh(d -> d.findElements(By.cssSelector("#dead-letters button.link")).get(0));
    wait.until(d -> text("dead-letters").contains("END-OF-VALUE"));
    browser.findElement(By.id("refresh-now")).click();
    wait.until(d -> text("dead-letters").contains("show less"));
    assertThat(text("dead-letters")).contains("END-OF-VALUE");

    browser.findElement(By.id("auto-refresh")).click();
    // a refresh already under way may still replace the rows (the ticks live outside them):
    // find each element again until the click lands
    clickFresh(d -> d.findElements(By.cssSelector("#dead-letters tr")).stream()
        .filter(r -> r.getText().contains(REASON)).findFirst().orElseThrow()
        .findElement(By.cssSelector("input[type=checkbox]")));
    clickFresh(d -> d.findElements(By.cssSelector("#dead-letters button")).stream()
        .filter(b -> b.getText().equals("Replay selected")).findFirst().orElseThrow());
    wait.until(d -> text("dead-letters").contains("1 of 1 replayed"));
    assertThat(KafkaTestSupport.readAll(SOURCE)).hasSize(7);
    screenshot(Path.of("target", "ops-page.png"));
  }

  /** Leaves a picture of the page for people reviewing the build. */
  private void screenshot(Path target) {
    try {
      Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Clicks the element {@code find} locates, locating it again while re-rendering replaces it. */
  private void clickFresh(java.util.function.Function<WebDriver, WebElement> find) {
    wait.until(d -> {
      try {
        find.apply(d).click();
        return true;
      } catch (org.openqa.selenium.StaleElementReferenceException | java.util.NoSuchElementException
          | IndexOutOfBoundsException e) {
        return false;
      }
    });
  }

  private void login(String token) {
    WebElement input = wait.until(d -> {
      WebElement e = d.findElement(By.id("token-input"));
      return e.isDisplayed() ? e : null;
    });
    input.clear();
    input.sendKeys(token);
    browser.findElement(By.cssSelector("#login-form button")).click();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
