package io.articlepipeline.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver (CHROME_BIN and CHROMEDRIVER override the paths), headless,
 * with a profile of its own that {@link #close()} removes: the browser of the page tests.
 */
public final class HeadlessChromium implements AutoCloseable {

  private final WebDriver driver;
  private final Path profile;

  private HeadlessChromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** True when the browser and its driver are installed (./pipeline test installs them). */
  public static boolean installed() {
    return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
  }

  /** A new browser; {@code extraArguments} such as "--window-size=1280,1000" or "--lang=zh-CN". */
  public static HeadlessChromium start(String... extraArguments) throws IOException {
    // Selenium warns that it has no CDP bindings for this Chromium: WebDriver itself is all we use.
    java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
    Path profile = Files.createTempDirectory("page-test-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver().toFile()).usingAnyFreePort().build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> paths = Files.walk(profile)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private static Path chromium() {
    return Path.of(StackEnv.env("CHROME_BIN", "/usr/bin/chromium"));
  }

  private static Path chromedriver() {
    return Path.of(StackEnv.env("CHROMEDRIVER", "/usr/bin/chromedriver"));
  }
}
