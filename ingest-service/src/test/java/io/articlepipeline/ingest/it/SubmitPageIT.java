package io.articlepipeline.ingest.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.articlepipeline.testing.HeadlessChromium;
import io.articlepipeline.testing.StackEnv;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The submitters' page in real headless Chromium against the running pipeline: a wrong token is
 * refused, the sample page pasted as a submitter would is accepted, followed until it is
 * searchable and opened in the reader page; a refused article keeps its text and says which field
 * is wrong. Needs INGEST_URL, INDEX_URL and SUBMIT_TOKEN (./pipeline test sets them); the sample
 * page is read from SAMPLES_DIR (default the repository's samples/). Screenshots land in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmitPageIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<String> submitted = new ArrayList<>();
  private String ingestUrl;
  private String indexUrl;
  private String token;
  private WebDriver driver;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeAll
  void start() throws Exception {
    ingestUrl = StackEnv.env("INGEST_URL", "http://127.0.0.1:8080");
    indexUrl = StackEnv.env("INDEX_URL", "http://127.0.0.1:8083");
    token = System.getenv("SUBMIT_TOKEN");
    assertThat(token).as("SUBMIT_TOKEN (the stack's submit.token)").isNotBlank();
    chromium = HeadlessChromium.start("--lang=zh-CN", "--window-size=1280,1000");
    driver = chromium.driver();
    wait = new WebDriverWait(driver, WAIT);
  }

  @BeforeEach
  void freshTab() {
    driver.get(ingestUrl + "/");
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
    driver.get(ingestUrl + "/");
  }

  @AfterAll
  void stop() throws Exception {
    for (String id : submitted) { // the sample stays out of the other tests' searches
      http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/articles/" + id))
          .header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aSubmitterPastesThePageFollowsItAndOpensItInTheReader() throws Exception {
    login("not-the-token");
    String page = Files.readString(samples().resolve("000_7abadb2f983fa813.txt"))
        + "\n本页测试编号 " + UUID.randomUUID() + "\n";
    paste(page);
    driver.findElement(By.id("send")).click();
    WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    assertThat(refused.getText()).contains("refused");

    login(token);
    // the text typed before the token was refused is still in the form (the page kept it)
    assertThat(bodyText()).isEqualTo(page);
    driver.findElement(By.id("send")).click();
    WebElement accepted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#form-message .ok")));
    String[] row = newestRow("郑州上街区:用好文明实践阵地");
    String id = row[0];
    submitted.add(id);
    assertThat(accepted.getText()).contains(id);
    assertThat(bodyText()).isEmpty();
    assertThat(row[1]).contains("郑州上街区:用好文明实践阵地");
    screenshot("1-accepted");

    new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#submissions tr[data-id='" + id + "'] [data-status=indexed]")));
    WebElement open = driver.findElement(By.cssSelector("#submissions tr[data-id='" + id + "'] a.open"));
    assertThat(open.getAttribute("href")).isEqualTo(indexUrl + "/#/article/" + id);
    screenshot("2-searchable");

    String here = driver.getWindowHandle();
    open.click();
    wait.until(d -> d.getWindowHandles().size() > 1);
    for (String handle : driver.getWindowHandles()) {
      if (!handle.equals(here)) {
        driver.switchTo().window(handle);
      }
    }
    WebElement title = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#article h1")));
    assertThat(title.getText()).contains("郑州上街区:用好文明实践阵地");
    assertThat(driver.findElement(By.id("article")).getText()).contains("郑州市上街区新时代文明实践中心");
    driver.close();
    driver.switchTo().window(here);
  }

  @Test
  void aRefusedArticleKeepsItsTextAndMarksTheWrongFields() throws Exception {
    login(token);
    String body = "这是一篇测试稿件的正文。志愿者服务社区。";
    paste(body);
    driver.findElement(By.id("title")).sendKeys("长".repeat(600));
    driver.findElement(By.id("url")).sendKeys("ftp://example.org/report");
    driver.findElement(By.id("send")).click();
    WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#form-message .error")));
    assertThat(message.getText()).contains("invalid field");
    assertThat(driver.findElement(By.cssSelector(".field-error[data-field=title]")).getText())
        .contains("longer than 500 characters");
    assertThat(driver.findElement(By.cssSelector(".field-error[data-field=url]")).getText())
        .contains("http or https");
    assertThat(driver.findElement(By.id("title")).getAttribute("class")).contains("invalid");
    assertThat(bodyText()).isEqualTo(body);
    assertThat(driver.findElements(By.cssSelector("#submissions tbody tr"))).isEmpty();
    screenshot("3-refused");

    // an empty text is answered on the page, before anything is sent
    paste("   ");
    driver.findElement(By.id("send")).click();
    assertThat(driver.findElement(By.cssSelector(".field-error[data-field=body]")).getText()).isNotBlank();
  }

  @Test
  void markupInAnArticleIsShownAsTextAndNeverRuns() throws Exception {
    login(token);
    String title = "标记测试 <img src=x onerror=window.__xss=1> " + UUID.randomUUID();
    paste("标记测试正文。<script>window.__xss=2</script> <b onmouseover=window.__xss=3>粗体</b> 志愿服务。");
    driver.findElement(By.id("title")).sendKeys(title);
    // a javascript: URL is refused with the field named, and the text typed is kept
    driver.findElement(By.id("url")).sendKeys("javascript:window.__xss=4");
    driver.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".field-error[data-field=url]")));
    assertThat(driver.findElement(By.cssSelector(".field-error[data-field=url]")).getText()).contains("http or https");
    driver.findElement(By.id("url")).clear();
    driver.findElement(By.id("send")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#form-message .ok")));
    // the title is shown as the submitter typed it, markup as text
    String[] row = newestRow(title);
    submitted.add(row[0]);
    assertThat(row[1]).contains(title);
    new WebDriverWait(driver, Duration.ofSeconds(90)).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#submissions tr[data-id='" + row[0] + "'] [data-status=indexed]")));
    assertThat(driver.findElements(By.cssSelector("#submissions img, #submissions script, #submissions b, #form-message img")))
        .isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined")).isEqualTo(true);
    screenshot("4-markup");
  }

  /**
   * The newest submission row's id and text, read together once its text contains
   * {@code containing}: the page re-renders the table as statuses arrive, so a row found may be
   * gone by the next call (a stale element), and is then looked up again.
   */
  private String[] newestRow(String containing) {
    return wait.until(d -> {
      try {
        WebElement r = d.findElement(By.cssSelector("#submissions tbody tr"));
        String text = r.getText();
        String id = r.getAttribute("data-id");
        return text.contains(containing) ? new String[] {id, text} : null;
      } catch (StaleElementReferenceException e) {
        return null;
      }
    });
  }

  private void login(String value) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
    input.sendKeys(value);
    driver.findElement(By.cssSelector("#login-form button")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body")));
  }

  /** Sets the text as a paste would (typing thousands of characters key by key is slow). */
  private void paste(String text) {
    WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("body")));
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", body, text);
  }

  private String bodyText() {
    return (String) ((JavascriptExecutor) driver).executeScript("return document.getElementById('body').value");
  }

  private static Path samples() {
    return Path.of(StackEnv.env("SAMPLES_DIR", "../samples"));
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve("submit-" + name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }
}
