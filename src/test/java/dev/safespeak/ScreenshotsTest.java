package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Takes the screenshots that docs/guide shows (the demo board, the executive page and the console, at a desktop
 * size of 1440x900 and a phone size of 390x844) into docs/guide/img, and measures at each size how many visible
 * elements end beyond the right edge of the window, which it writes to docs/guide/img/overflow.md. Rerun it to
 * refresh both: {@code ./mvnw test -Dtest=ScreenshotsTest}. The page content is asserted; the overflow counts are
 * reported, not asserted, because the phone layout is not done (issue 11).
 */
@ActiveProfiles("demo")
@TestPropertySource(properties = "vaadin.devmode.devTools.enabled=false")
class ScreenshotsTest extends BrowserTest {

    private static final Path IMAGES = Path.of("docs/guide/img");

    private record Shot(String user, String path, String name, By mustShow, String mustContain) {
    }

    @Test
    void the_demo_pages_at_desktop_and_phone_size() throws IOException {
        Files.createDirectories(IMAGES);
        List<Shot> shots = List.of(
                new Shot("qa_lead", "releases/1", "board", By.cssSelector("[id^=item-]"), "SafeSpeak 1.0"),
                new Shot("cto", "executive", "executive", By.tagName("vaadin-app-layout"), "Sign-off chain"),
                new Shot("qa_lead", "console", "console", By.tagName("vaadin-text-area"), "TOXICITY"));
        List<String> rows = new ArrayList<>();
        for (Shot shot : shots) {
            WebDriver browser = openBrowser();
            signIn(browser, shot.user(), "demo");
            for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(390, 844))) {
                browser.manage().window().setSize(size);
                open(browser, shot.path());
                waitFor(browser, shot.mustShow());
                if (shot.name().equals("console")) {
                    DemoPages.scoreInConsole(browser, "Shut up, you idiot.");
                }
                assertThat(browser.findElement(By.tagName("body")).getText()).contains(shot.mustContain());
                List<String> overflowing = overflowing(browser);
                String file = shot.name() + "-" + size.getWidth() + ".png";
                byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
                assertThat(png).hasSizeGreaterThan(10_000);
                Files.write(IMAGES.resolve(file), png);
                if (shot.name().equals("board") && size.getWidth() < 600) {
                    // The phone's first screen is the header and filters; the items as cards come next.
                    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                            browser.findElement(shot.mustShow()));
                    Files.write(IMAGES.resolve("board-" + size.getWidth() + "-items.png"),
                            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                }
                rows.add("| " + shot.name() + " (" + shot.user() + ") | " + size.getWidth() + "x" + size.getHeight()
                        + " | " + overflowing.size() + " | [" + file + "](" + file + ") | "
                        + String.join(", ", overflowing.subList(0, Math.min(3, overflowing.size()))) + " |");
            }
        }
        Files.writeString(IMAGES.resolve("overflow.md"), """
                # Screenshots and overflow

                Written by `ScreenshotsTest` (`./mvnw test -Dtest=ScreenshotsTest`, demo profile, headless Chromium).
                "Overflowing" counts visible texts, inputs, buttons and links (light and shadow DOM) whose right edge is
                beyond the window: at 390 px anything above 0 is cut off or needs sideways scrolling.
                `WalkthroughBrowserTest` asserts that there are none, for every page and role of the demo.

                | page | size | overflowing elements | screenshot | first of them |
                | --- | --- | ---: | --- | --- |
                """ + String.join("\n", rows) + "\n");
    }
}
