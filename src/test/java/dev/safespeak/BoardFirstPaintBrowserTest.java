package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * How long the sample release's board (the 126-item seed) takes from navigation to its first visible item row, in
 * a real browser, warm (the board was opened once before): by the app's own navigation from the releases list, and
 * by loading its address afresh (a reload: the Vaadin client starts again). Issue 12's target is under 1 s on a
 * quiet machine; this test only asserts a generous bound, because the CI machine is shared, and writes what it
 * measured to target/board-first-paint.md. {@code bench/board.sh} runs it and keeps that report as
 * docs/reports/board-first-paint.md. Same configuration as {@link WalkthroughBrowserTest}, so the two share one
 * application context.
 */
@ActiveProfiles("demo")
@TestPropertySource(properties = "vaadin.devmode.devTools.enabled=false")
class BoardFirstPaintBrowserTest extends BrowserTest {

    private static final long DEMO_RELEASE = 1;
    private static final By ROW = By.cssSelector("[id^=item-]");
    private static final int RUNS = 5;
    /** Far above the target: it catches a board that got several times slower, not a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(8);

    @Test
    void the_board_paints_its_first_row_within_a_generous_bound_and_reports_the_times() throws IOException {
        WebDriver browser = openBrowser();
        signIn(browser, "qa_lead", "demo");
        open(browser, "releases/" + DEMO_RELEASE);
        waitFor(browser, ROW);
        int rows = browser.findElements(ROW).size();
        assertThat(rows).as("rows of the sample release").isGreaterThanOrEqualTo(100);

        List<Long> navigations = new ArrayList<>();
        List<Long> reloads = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            open(browser, "releases");
            waitFor(browser, By.id("open-" + DEMO_RELEASE));
            long start = System.nanoTime();
            browser.findElement(By.id("open-" + DEMO_RELEASE)).click();
            navigations.add(untilFirstRow(browser, start));

            open(browser, "releases");
            start = System.nanoTime();
            browser.get(url("releases/" + DEMO_RELEASE));
            reloads.add(untilFirstRow(browser, start));
        }

        long navigation = median(navigations);
        long reload = median(reloads);
        String report = """
                # Board first paint

                Measured by `BoardFirstPaintBrowserTest` (headless Chromium, the application in Vaadin's development
                mode with its committed bundle, in-memory H2, demo data) on %s, %d cores, load average %s at the end.
                From the click or the address to the first visible item row of the sample release (%d rows), warm,
                median of %d runs each. Target (issue 12): under 1 s on a quiet machine. Rerun: `bench/board.sh`.

                | how | median | runs (ms) |
                |---|---|---|
                | the releases list's Open board link | %d ms | %s |
                | loading the board's address afresh | %d ms | %s |
                """.formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), loadAverage(), rows, RUNS,
                navigation, navigations, reload, reloads);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/board-first-paint.md"), report);
        assertThat(navigation).as("median ms from Open board to the first row").isLessThan(BOUND.toMillis());
        assertThat(reload).as("median ms from the address to the first row").isLessThan(BOUND.toMillis());
    }

    /** Milliseconds from {@code start} until an item row is visible (polled every 10 ms in the page). */
    private static long untilFirstRow(WebDriver browser, long start) {
        new WebDriverWait(browser, PAGE_TIMEOUT, Duration.ofMillis(10)).until(b -> Boolean.TRUE.equals(
                ((JavascriptExecutor) b).executeScript("const row = document.querySelector('[id^=item-]');"
                        + " return !!row && row.getBoundingClientRect().height > 0;")));
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
