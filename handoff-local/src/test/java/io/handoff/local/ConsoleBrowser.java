package io.handoff.local;

import io.handoff.testing.Chromium;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The agent console in Debian's Chromium, headless, as an agent uses it: sign in with a token, then
 * read what the page shows. When the steps of a test fail, the screenshot, the page and the
 * browser's console log are saved under {@code target/console-browser/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    private static final Path ARTIFACTS = Path.of("target", "console-browser");
    private static final Pattern TOKEN_IN_URL = Pattern.compile("access_token=[^&'\"\\s]+");

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final Path profile;
    private final Duration wait;

    private ConsoleBrowser(ChromeDriverService service, WebDriver driver, Path profile, Duration wait) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.wait = wait;
    }

    /** Starts the browser; every wait of {@link #await} gives up after {@code wait}. */
    static ConsoleBrowser start(Duration wait) throws IOException {
        Chromium.ensureInstalled();
        Files.createDirectories(ARTIFACTS);
        Path profile = Files.createTempDirectory("console-browser-profile-");
        // With the driver and the browser named, Selenium Manager never looks anything up or downloads.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, Chromium.DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Chromium.DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.BROWSER.toFile());
        options.addArguments(Chromium.headlessArguments(profile));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            return new ConsoleBrowser(service, new ChromeDriver(service, options), profile, wait);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    /** Opens {@code url} (the console, perhaps with a deep link) and signs in there with {@code token}. */
    void openAndSignIn(String url, String token, String agentName) {
        driver.get(url);
        WebElement input = await(ExpectedConditions.visibilityOfElementLocated(testId("token-input"))::apply);
        input.sendKeys(token);
        byTestId("sign-in-button").click();
        await(ExpectedConditions.textToBePresentInElementLocated(testId("agent-name"), agentName)::apply);
        await(d -> "online".equals(byTestId("connection-status").getAttribute("data-state")));
    }

    WebElement byTestId(String testId) {
        return driver.findElement(testId(testId));
    }

    static By testId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    /**
     * Waits until {@code condition} gives something other than null or false. The page redraws as
     * answers arrive, so an element found a moment ago may be gone: the condition is asked again.
     */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, wait).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    @FunctionalInterface
    interface Steps {
        void run() throws Exception;
    }

    /** Runs the steps of {@code test}; if they fail, saves what the browser showed before rethrowing. */
    void run(TestInfo test, Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Throwable failure) {
            String name = test.getTestMethod().map(m -> m.getName()).orElse("test");
            try {
                saveEvidence(name);
            } catch (RuntimeException | IOException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
    }

    private void saveEvidence(String name) throws IOException {
        Files.write(ARTIFACTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Files.writeString(ARTIFACTS.resolve(name + ".html"), driver.getPageSource());
        List<String> lines = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            // the browser names the WebSocket address when a connection fails, token included
            String message = TOKEN_IN_URL.matcher(entry.getMessage()).replaceAll("access_token=<redacted>");
            lines.add(Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " " + message);
        }
        Files.write(ARTIFACTS.resolve(name + "-console.log"), lines);
        System.out.println("[console-browser] saved the screenshot, page and browser log of " + name + " in "
                + ARTIFACTS.toAbsolutePath());
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
