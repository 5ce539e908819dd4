package fr.rdz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The console's pages in a browser: their addresses, its French login and logout, and the waits for the
 * navigation a click starts (a click does not wait for it).
 */
final class ConsoleBrowser {

    private static final Duration NAVIGATION = Duration.ofSeconds(30);

    private final WebDriver browser;
    private final Supplier<String> consoleUrl;

    /** @param consoleUrl the console's base address (it changes when the console is restarted) */
    ConsoleBrowser(WebDriver browser, Supplier<String> consoleUrl) {
        this.browser = browser;
        this.consoleUrl = consoleUrl;
    }

    /** The address of the console's page {@code path}. */
    String url(String path) {
        return consoleUrl.get() + path;
    }

    /** Fills and sends the login page; returns once the browser has left it (to where the console sent it). */
    void login(String user, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement submit = browser.findElement(By.cssSelector("button[type=submit]"));
        submit.click();
        // the login page's elements go stale when it is left
        await().atMost(NAVIGATION).until(() -> isStale(submit));
    }

    /** Logs out with the page's button: the login page then says so, in French. */
    void logout() {
        browser.findElement(By.cssSelector(".logout button")).click();
        awaitUrl("/login?logout");
        assertThat(browser.findElement(By.cssSelector(".alert.ok")).getText()).isEqualTo("Vous êtes déconnecté.");
    }

    /** Waits for the page whose heading starts with {@code prefix} (the page a form POST leads to). */
    void awaitHeading(String prefix) {
        await().atMost(NAVIGATION).ignoreExceptions().untilAsserted(() -> assertThat(
                        browser.findElement(By.tagName("h1")).getText())
                .startsWith(prefix));
    }

    /** Waits for an address holding {@code part} (the redirect a form POST leads to). */
    void awaitUrl(String part) {
        await().atMost(NAVIGATION)
                .untilAsserted(() -> assertThat(browser.getCurrentUrl()).contains(part));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }
}
