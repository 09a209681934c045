package dev.vigil.incident;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian {@code chromium} + {@code chromium-driver}) driven by Selenium,
 * with the driver and browser named explicitly so Selenium Manager never downloads anything. Every
 * step can be kept as a PNG under {@code target/console-screenshots}.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final String CHROMIUM = System.getProperty("vigil.chromium", "/usr/bin/chromium");
  private static final String DRIVER =
      System.getProperty("vigil.chromedriver", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final String base;
  private final String scenario;
  private final WebDriverWait wait;
  private int step;

  Browser(String base, String scenario) {
    requireInstalled(CHROMIUM, "chromium");
    requireInstalled(DRIVER, "chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        // The tests run as root in CI containers, where Chromium's sandbox cannot start.
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1800",
        // Loopback only: no update checks, sync or other background traffic.
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--no-first-run",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.scenario = scenario;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    forgetEarlierScreenshots(scenario);
  }

  /** So the directory shows this run only, not steps an earlier run of the scenario had. */
  private static void forgetEarlierScreenshots(String scenario) {
    try (var old = Files.newDirectoryStream(SCREENSHOTS, scenario + "-*.png")) {
      for (Path file : old) {
        Files.delete(file);
      }
    } catch (java.nio.file.NoSuchFileException e) {
      // first run: nothing to forget
    } catch (IOException e) {
      throw new IllegalStateException("cannot clean " + SCREENSHOTS, e);
    }
  }

  private static void requireInstalled(String path, String debianPackage) {
    if (!Files.isExecutable(Path.of(path))) {
      fail(
          "The console's browser tests need a real headless Chromium: "
              + path
              + " is missing. Install the Debian packages: apt-get install -y chromium"
              + " chromium-driver (missing here: "
              + debianPackage
              + ").");
    }
  }

  void open(String path) {
    driver.get(base + path);
  }

  String path() {
    return driver.getCurrentUrl().substring(base.length());
  }

  void signIn(String user, String password) {
    open("/console/login");
    type(By.id("j_username"), user);
    type(By.id("j_password"), password);
    click(By.id("sign-in"));
    waitFor(By.id("signed-in-as"));
  }

  void type(By field, String text) {
    WebElement element = driver.findElement(field);
    element.clear();
    element.sendKeys(text);
  }

  /** Sets an input's value directly: Chromium's date-time pickers ignore typed text by locale. */
  void setValue(By field, String value) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].value = arguments[1];", driver.findElement(field), value);
  }

  void select(By field, String value) {
    new org.openqa.selenium.support.ui.Select(driver.findElement(field)).selectByValue(value);
  }

  /**
   * Clicks and waits for the page it leads to. The old page is marked first and the wait ends when
   * a loaded page without the mark is there; errors while Chromium swaps documents (a stale or
   * detached node, a script run mid-navigation) only mean "not yet".
   */
  void click(By target) {
    WebElement element = driver.findElement(target);
    driver.executeScript("window.vigilOldPage = true;");
    element.click();
    new WebDriverWait(driver, Duration.ofSeconds(20))
        .ignoring(WebDriverException.class)
        .until(
            d ->
                Boolean.TRUE.equals(
                    driver.executeScript(
                        "return window.vigilOldPage === undefined"
                            + " && document.readyState === 'complete';")));
  }

  WebElement waitFor(By target) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(target));
  }

  String text(By target) {
    return waitFor(target).getText();
  }

  List<WebElement> all(By target) {
    return driver.findElements(target);
  }

  /** Saves the page as {@code <scenario>-<step>-<name>.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Path target = SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", scenario, ++step, name));
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("screenshot " + name, e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
