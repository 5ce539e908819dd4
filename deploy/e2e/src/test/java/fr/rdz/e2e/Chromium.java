package fr.rdz.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless and in French, driven by its {@code chromedriver} (packages {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs): the browser of every browser test.
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {}

    /** Skips the calling test class where Chromium or its driver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(BINARY) && Files.isExecutable(DRIVER),
                "Debian's chromium and chromium-driver are not installed");
    }

    /**
     * A new browser with its profile under {@code work}, its window {@code windowSize} ({@code "1440,1000"}).
     * {@code pageLoad}: when a navigation counts as done ({@link PageLoadStrategy#EAGER}: once the DOM is ready).
     */
    static WebDriver start(Path work, String windowSize, PageLoadStrategy pageLoad) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.setPageLoadStrategy(pageLoad);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--lang=fr-FR",
                "--window-size=" + windowSize,
                "--user-data-dir=" + work.resolve("chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
