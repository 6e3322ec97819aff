package io.articlepipeline.index.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.articlepipeline.testing.HeadlessChromium;
import io.articlepipeline.testing.StackEnv;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader page in real headless Chromium (Debian's chromium and chromedriver; CHROME_BIN and
 * CHROMEDRIVER override the paths): type a query, see highlighted results, apply a facet, open an
 * article, follow an organization link; markup inside an article never runs; the page fits a phone.
 * Needs INDEX_URL, INGEST_URL and SUBMIT_TOKEN. Screenshots land in target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderPageIT {

  private static final String XSS_ID = "reader-page-it-markup";
  private static final String[] COPY_IDS = {"reader-page-it-copy-1", "reader-page-it-copy-2"};
  private static final String LONELY_ID = "reader-page-it-lonely";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final HttpClient http = HttpClient.newHttpClient();
  private String indexUrl;
  private WebDriver driver;
  private WebDriverWait wait;
  private HeadlessChromium chromium;

  @BeforeAll
  void start() throws Exception {
    indexUrl = PipelineEnv.indexUrl();
    String ingestUrl = PipelineEnv.ingestUrl();
    String token = PipelineEnv.submitToken();
    List<String> ids = new java.util.ArrayList<>(new CorpusLoader(ingestUrl, token).loadAll());
    submitMarkupArticle(ingestUrl, token);
    ids.add(XSS_ID);
    // one wire story as two outlets published it
    for (String[] copy : new String[][] {{COPY_IDS[0], "南方日报"}, {COPY_IDS[1], "羊城晚报"}}) {
      submit(ingestUrl, token, "{\"id\":\"" + copy[0] + "\",\"title\":\"转载测试:红十字会救灾物资运抵灾区\","
          + "\"body\":\"转载测试正文。红十字会救灾物资今天运抵灾区,志愿者连夜分发。\",\"source\":\"" + copy[1]
          + "\",\"language\":\"zh\"}");
      ids.add(copy[0]);
    }
    // words no other article shares: nothing is similar to it
    submit(ingestUrl, token, "{\"id\":\"" + LONELY_ID + "\",\"title\":\"Qzxv wombatfjord plinthery\","
        + "\"body\":\"Qzxv wombatfjord plinthery glarbnok. Snurfle quibbix drolmund qzxv.\",\"language\":\"en\"}");
    ids.add(LONELY_ID);
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
        .until(() -> ids.stream().allMatch(this::indexed));

    chromium = HeadlessChromium.start("--lang=zh-CN", "--window-size=1280,1000");
    driver = chromium.driver();
    wait = new WebDriverWait(driver, WAIT);
  }

  @AfterAll
  void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aReaderSearchesFiltersOpensAnArticleAndFollowsAnOrganization() throws Exception {
    driver.get(indexUrl + "/");
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("志愿服务");
    box.sendKeys(Keys.ENTER);
    waitForResults("q=");
    assertThat(driver.findElements(By.cssSelector("#hits .hit .snippet mark"))).isNotEmpty();
    screenshot("1-results");

    WebElement facet = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[data-facet=organizations] button")));
    String org = facet.getAttribute("data-value");
    String before = driver.findElement(By.id("summary")).getText();
    facet.click();
    waitForResults("org=");
    assertThat(driver.findElements(By.cssSelector("#chips .chip"))).hasSize(1);
    assertThat(driver.findElement(By.cssSelector("#chips .chip")).getText()).contains(org);
    screenshot("2-facet " + before);

    driver.findElement(By.cssSelector("#hits .hit a.title")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#article h1")));
    assertThat(driver.findElement(By.id("view-search")).isDisplayed()).isFalse();
    WebElement orgLink = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#article .org-link")));
    String orgName = orgLink.getText();
    wait.until(d -> !d.findElements(By.cssSelector("#similar .hit")).isEmpty());
    assertThat(driver.findElement(By.id("similar-section")).isDisplayed()).isTrue();
    screenshot("3-article");

    orgLink.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-search")));
    waitForResults("org=");
    assertThat(driver.findElement(By.cssSelector("#chips .chip")).getText()).contains(orgName);

    driver.findElement(By.cssSelector("#chips .chip")).click();
    wait.until(d -> d.findElement(By.id("hits")).getAttribute("data-for").startsWith("#/search")
        && !d.findElement(By.id("hits")).getAttribute("data-for").contains("org="));
    assertThat(driver.findElements(By.cssSelector("#chips .chip"))).isEmpty();
    screenshot("4-organization-link");
  }

  @Test
  void suggestionsAppearAsTheReaderTypes() {
    driver.get(indexUrl + "/");
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys("志愿");
    wait.until(d -> d.findElement(By.id("suggestions")).isDisplayed());
    assertThat(driver.findElements(By.cssSelector("#suggestions li"))).isNotEmpty();
  }

  @Test
  void markupInsideAnArticleIsShownAsTextAndNeverRuns() throws Exception {
    driver.get(indexUrl + "/#/search?q=" + URLEncoder.encode("标记测试", StandardCharsets.UTF_8));
    waitForResults("q=");
    WebElement hit = driver.findElement(By.cssSelector("#hits .hit[data-id='" + XSS_ID + "']"));
    assertThat(hit.findElement(By.cssSelector("a.title")).getText()).contains("<img");
    assertThat(hit.findElements(By.tagName("img"))).isEmpty();
    hit.findElement(By.cssSelector("a.title")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#article h1")));
    assertThat(driver.findElement(By.cssSelector("#article .body")).getText()).contains("<script>");
    assertThat(driver.findElements(By.cssSelector("#article img, #article script"))).isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.__xss === undefined")).isEqualTo(true);
  }

  @Test
  void copiesOfOneStoryAreOneHitWithALinkToAllOfThem() throws Exception {
    driver.get(indexUrl + "/?lang=zh#/search?q=" + URLEncoder.encode("转载测试", StandardCharsets.UTF_8));
    waitForResults("q=");
    List<WebElement> hits = driver.findElements(By.cssSelector("#hits .hit"));
    assertThat(hits).hasSize(1);
    WebElement more = hits.get(0).findElement(By.cssSelector("a.copies"));
    assertThat(more.getText()).isEqualTo("另有 1 篇相同报道");
    more.click();
    waitForResults("story=");
    assertThat(driver.findElements(By.cssSelector("#hits .hit")).stream().map(h -> h.getAttribute("data-id")))
        .containsExactlyInAnyOrder(COPY_IDS);
    assertThat(driver.findElement(By.cssSelector("#chips .chip")).getText()).startsWith("同一报道");
    screenshot("6-copies");
  }

  @Test
  void anArticleWithNothingSimilarShowsNoEmptySimilarSection() throws Exception {
    driver.get(indexUrl + "/#/article/" + LONELY_ID);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#article h1"), "wombatfjord"));
    // the list says which article's answer it shows once that answer has arrived
    wait.until(d -> LONELY_ID.equals(d.findElement(By.id("similar")).getAttribute("data-for")));
    assertThat(driver.findElements(By.cssSelector("#similar .hit"))).isEmpty();
    assertThat(driver.findElement(By.id("similar-section")).isDisplayed()).isFalse();
  }

  @Test
  void thePageFitsAPhone() throws Exception {
    driver.manage().window().setSize(new Dimension(390, 844));
    try {
      driver.get(indexUrl + "/#/search?q=" + URLEncoder.encode("红十字会", StandardCharsets.UTF_8));
      waitForResults("q=");
      Object overflow = ((JavascriptExecutor) driver).executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
      screenshot("5-phone");
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  /** Waits until the list shows a search whose hash contains {@code marker}, with hits. */
  private void waitForResults(String marker) {
    wait.withMessage(() -> "results for '" + marker + "'; url=" + driver.getCurrentUrl() + " shown="
        + driver.findElement(By.id("hits")).getAttribute("data-for") + " summary="
        + driver.findElement(By.id("summary")).getText()).until(d -> {
      String shown = d.findElement(By.id("hits")).getAttribute("data-for");
      return shown != null && shown.contains(marker) && !d.findElements(By.cssSelector("#hits .hit")).isEmpty();
    });
  }

  private boolean indexed(String id) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(indexUrl + "/api/articles/"
              + URLEncoder.encode(id, StandardCharsets.UTF_8))).GET().build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private void submitMarkupArticle(String ingestUrl, String token) throws Exception {
    submit(ingestUrl, token, "{\"id\":\"" + XSS_ID + "\",\"title\":\"标记测试 <img src=x onerror=window.__xss=1>\","
        + "\"body\":\"标记测试正文。<script>window.__xss=2</script> <b onmouseover=window.__xss=3>粗体</b> 志愿服务。\","
        + "\"source\":\"reader-page-it\",\"language\":\"zh\"}");
  }

  private void submit(String ingestUrl, String token, String json) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ingestUrl + "/api/articles"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(dir.resolve(name.replaceAll("[^A-Za-z0-9-]", "_") + ".png"), png);
  }
}
