package dev.boomer.console;

import dev.boomer.testing.TestApp;
import dev.boomer.testing.TestPhotos;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.StaleElementReferenceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real headless Chromium: sign in, upload a photo, and watch the item reach DRAFTED in the
 * list without reloading the page. Skips itself where Chromium's driver is not installed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest implements TestPropertyProvider {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path TARGET = Path.of("target");

    @Inject
    EmbeddedServer server;

    private WebDriver driver;
    private ChromeDriverService service;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ConsoleTestApp.properties());
        // slow enough to see the item RECEIVED / PROCESSING before it is drafted
        properties.put("boomer.vision.simulated.fast-latency", "PT3S");
        properties.put("boomer.vision.simulated.smart-latency", "PT3S");
        properties.put("boomer.vision.simulated.latency-sigma", "0");
        return properties;
    }

    @BeforeAll
    void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
                "skipped: headless Chromium needs /usr/bin/chromedriver and /usr/bin/chromium "
                        + "(apt-get install -y chromium chromium-driver)");
        Path profile = Files.createDirectories(TARGET.resolve("chromium")).toAbsolutePath();
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory(profile, "profile"));
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void uploadedItemAppearsAndReachesDraftedInTheListWithoutReloading() throws IOException {
        String base = server.getURL().toString();
        signIn(base);
        driver.get(base + "/items");
        wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.id("items-table")).size() == 1);

        driver.get(base + "/upload");
        driver.findElement(By.id("photos")).sendKeys(samplePhoto().toString());
        driver.findElement(By.name("sku")).sendKeys("BROWSER-1");
        driver.findElement(By.cssSelector(".upload-form button[type=submit]")).click();
        wait(Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/items/[0-9a-f-]{36}$"));
        String itemId = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);

        driver.get(base + "/items");
        String firstStatus = wait(Duration.ofSeconds(5)).until(d -> d.findElement(
                By.cssSelector("tr[data-item-id='" + itemId + "']")).getAttribute("data-status"));
        assertThat(firstStatus).isIn("RECEIVED", "PROCESSING");
        ((JavascriptExecutor) driver).executeScript("window.stillTheSamePage = true;");

        wait(Duration.ofSeconds(40)).until(d -> "DRAFTED".equals(d.findElement(
                By.cssSelector("tr[data-item-id='" + itemId + "']")).getAttribute("data-status")));

        assertThat(((JavascriptExecutor) driver).executeScript("return window.stillTheSamePage === true;"))
                .as("the list updated in place, without a reload").isEqualTo(true);
        // once nothing is processing the table stops polling, so its rows stay put to be read
        wait(Duration.ofSeconds(10)).until(d -> "false".equals(
                d.findElement(By.id("items-table")).getAttribute("data-live")));
        WebElement drafted = driver.findElement(By.cssSelector("tr[data-item-id='" + itemId + "']"));
        assertThat(drafted.findElement(By.cssSelector(".price")).getText()).startsWith("$");
        assertThat(drafted.findElement(By.cssSelector(".cost")).getText()).matches("\\$\\d+\\.\\d{4}");
        screenshot("items.png");

        driver.get(base + "/items/" + itemId);
        assertThat(driver.findElement(By.cssSelector(".draft-title")).getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#costs tbody tr"))).isNotEmpty();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2000));
        screenshot("item.png");
    }

    @Test
    void aBudgetIsEditedInPlaceAndARefusedValueIsExplainedNextToItsField() throws IOException {
        String base = server.getURL().toString();
        signIn(base);
        driver.get(base + "/users");
        String window = (String) ((JavascriptExecutor) driver).executeScript("return window.name = 'users-page';");

        driver.findElement(By.cssSelector("#user-admin a[hx-get='/users/admin/budget']")).click();
        WebElement form = wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("budget-form")));
        fill(form, "hardLimitUsd", "5");
        fill(form, "softLimitUsd", "6");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        String error = wait(Duration.ofSeconds(10)).until(d -> d.findElement(
                By.cssSelector("#budget-form .error-text[data-field=softLimitUsd]")).getText());
        assertThat(error).contains("must not be above the hard limit");

        fill(driver.findElement(By.id("budget-form")), "softLimitUsd", "4");
        driver.findElement(By.cssSelector("#budget-form button[type=submit]")).click();
        wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("budget-form")).getText().contains("Saved."));
        wait(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("user-admin")).getText().contains("$5.00"));

        assertThat(((JavascriptExecutor) driver).executeScript("return window.name;"))
                .as("edited in place, without leaving the page").isEqualTo(window);
        assertThat(driver.findElement(By.id("audit-log")).getText()).contains("admin");
        screenshot("users.png");
    }

    private void signIn(String base) {
        driver.get(base + "/items");
        if (driver.getCurrentUrl().endsWith("/login")) {
            driver.findElement(By.name("username")).sendKeys("admin");
            driver.findElement(By.name("password")).sendKeys(TestApp.ADMIN_PASSWORD);
            driver.findElement(By.cssSelector("button[type=submit]")).click();
            wait(Duration.ofSeconds(10)).until(d -> d.findElements(By.id("items-table")).size() == 1);
        }
    }

    private static void fill(WebElement form, String name, String value) {
        WebElement field = form.findElement(By.name(name));
        field.clear();
        field.sendKeys(value);
    }

    /** A committed sample photo when the repository has them, else a generated one. */
    private static Path samplePhoto() throws IOException {
        Path sample = Path.of("..", "samples", "photos", "mug.jpg").toAbsolutePath().normalize();
        if (Files.isRegularFile(sample)) {
            return sample;
        }
        Path generated = Files.createDirectories(TARGET.resolve("browser-photos")).resolve("item.jpg");
        Files.write(generated, TestPhotos.jpeg(71, 1200, 900));
        return generated.toAbsolutePath();
    }

    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(200));
        // HTMX replaces the table while a poll looks at it: a vanished element means "look again"
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(TARGET.resolve("screenshots"));
        Files.write(dir.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }
}
