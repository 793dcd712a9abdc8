package dev.wippy.observability.console;

import dev.wippy.observability.Apps;
import dev.wippy.observability.Observability;
import dev.wippy.runtime.app.Application;
import dev.wippy.runtime.process.ProcessExecution;
import dev.wippy.runtime.process.SpawnOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console of the observatory example in a real browser: each page shows the live state of the app, and
 * screenshots of every page are saved under target/console-screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {
    @TempDir
    static Path dir;
    static Application app;
    static Console console;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = Apps.example("observatory", dir.resolve("app"), c -> c.with("console", "address", "127.0.0.1:0")
                .with("prometheus", "address", "127.0.0.1:0"));
        console = app.subsystem(Observability.class).console();
        browser = new Browser(dir.resolve("profile"), Path.of("target", "console-screenshots"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.shutdown(Duration.ofSeconds(10));
        }
    }

    private static WebDriverWait waitUpTo(long seconds) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    /** The text of the first element matching {@code css}, or null; read at once, as pages redraw all the time. */
    private static String text(String css) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : null", css);
    }

    private static void open(String path) {
        browser.driver.get(console.url() + path);
    }

    @Test
    @Order(1)
    void aSpawnedProcessAppearsAndATerminatedOneDisappears() throws Exception {
        open("?token=" + console.token());
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("/processes")
                && !d.findElements(By.cssSelector("tr[data-pid]")).isEmpty());
        ProcessExecution p = app.node().spawn(null, "app:sleeper", "app:processes", new Object[0], SpawnOptions.NONE);
        By row = By.cssSelector("tr[data-pid='" + p.pid() + "']");
        long began = System.nanoTime();
        waitUpTo(5).until(d -> !d.findElements(row).isEmpty());
        // the page refreshes every half second: a second, with margin for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(1500));
        waitUpTo(10).until(d -> String.valueOf(text("#tree")).contains("app:dispatcher-service"));
        assertThat(text("#tree")).contains("app:worker");
        browser.screenshot("processes");

        open("processes/" + p.pid());
        waitUpTo(5).until(d -> String.valueOf(text("#info")).contains("app:sleeper"));
        assertThat(text("#state")).isEqualTo("waiting");
        assertThat(text("#mailbox")).isEqualTo("0");
        browser.screenshot("process");
        browser.driver.findElement(By.id("terminate")).click();
        browser.driver.switchTo().alert().accept();
        waitUpTo(5).until(d -> "exited".equals(text("#state")));
        assertThat(p.done().get().error().message()).isEqualTo("terminated from the console");

        open("processes");
        waitUpTo(5).until(d -> !d.findElements(By.cssSelector("tr[data-pid]")).isEmpty());
        assertThat(browser.driver.findElements(row)).isEmpty();
    }

    @Test
    @Order(2)
    void servicesShowTheirStateAndRestarts() throws Exception {
        open("services");
        waitUpTo(15).until(d -> text("tr[data-service='app:flaky-service'] td:nth-child(4)") != null
                && Integer.parseInt(text("tr[data-service='app:flaky-service'] td:nth-child(4)")) >= 1);
        assertThat(text("tr[data-service='app:dispatcher-service']")).contains("running");
        browser.screenshot("services");
    }

    @Test
    @Order(3)
    void theQueueDepthChartMoves() throws Exception {
        open("queues");
        waitUpTo(5).until(d -> text("tr[data-queue='app:jobs'] td.depth") != null);
        Set<String> seen = new HashSet<>();
        long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
        while (System.nanoTime() < end && seen.size() < 3) {
            seen.add(text("tr[data-queue='app:jobs'] td.depth"));
            Thread.sleep(100);
        }
        assertThat(seen).as("depths shown").hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.driver.findElements(By.cssSelector(".chart[data-queue='app:jobs'] canvas"))).isNotEmpty();
        browser.screenshot("queues");
    }

    @Test
    @Order(4)
    void aWorkflowsTimelineShowsItsActivities() throws Exception {
        open("workflows?status=completed");
        waitUpTo(15).until(d -> text("tr[data-workflow] a") != null);
        browser.screenshot("workflows");
        // the table is redrawn with every update: the link is read in one step, then followed
        open("workflows/" + text("tr[data-workflow] a"));
        waitUpTo(5).until(d -> d.findElements(By.cssSelector("#timeline li")).size() > 3);
        assertThat(text("#timeline")).contains("ActivityScheduled", "app:pack", "app:label", "app:dispatch",
                "RunClosed");
        assertThat(text("#wfstatus")).isEqualTo("completed");
        browser.screenshot("workflow");
    }

    @Test
    @Order(5)
    void functionsShowCallsAndLatencies() throws Exception {
        open("functions");
        waitUpTo(10).until(d -> text("tr[data-function='app:handle_job'] td.calls") != null
                && Long.parseLong(text("tr[data-function='app:handle_job'] td.calls").replace(",", "")) > 0);
        browser.screenshot("functions");
    }

    @Test
    @Order(6)
    void theRegistryListsEntriesByKind() throws Exception {
        open("registry");
        waitUpTo(5).until(d -> !d.findElements(By.cssSelector("section[data-kind='process.lua']")).isEmpty());
        assertThat(text("section[data-kind='workflow.lua']")).contains("app:shipment");
        browser.screenshot("registry");
    }

    @Test
    @Order(7)
    void unknownIdsGet404PagesAndActionsNeedTheToken() throws Exception {
        open("processes/%7Bapp:processes%7C0xfffff%7D");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("404");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(console.url() + "workflows/nope"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("no workflow nope");
        String pid = app.node().executions().stream().filter(e -> e.entryId().equals("app:dispatcher")).findFirst()
                .orElseThrow().pid();
        for (List<String> token : List.of(List.<String>of(), List.of("X-Console-Token", "wrong"))) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(console.url() + "api/processes/"
                    + java.net.URLEncoder.encode(pid, java.nio.charset.StandardCharsets.UTF_8) + "/terminate"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (!token.isEmpty()) {
                b.header(token.get(0), token.get(1));
            }
            assertThat(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        }
        assertThat(app.node().find(pid)).as("the dispatcher still runs").isNotNull();
    }
}
