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

    /** Visible elements whose right edge is beyond the window, in the light DOM and every open shadow root. */
    private static final String OVERFLOWING = """
            const width = window.innerWidth;
            const found = [];
            const visit = root => {
              for (const el of root.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                const visible = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
                if (visible && r.right > width + 1 && el.children.length === 0 && !el.closest('vaadin-connection-indicator')) {
                  let p = el, path = '';
                  for (let i = 0; i < 3 && p; i++, p = p.parentElement || (p.getRootNode() && p.getRootNode().host)) {
                    path = p.tagName.toLowerCase() + (p.id ? '#' + p.id : '') + (path ? '>' + path : '');
                  }
                  found.push(path + ' (' + Math.round(r.right) + ' px)');
                }
                if (el.shadowRoot) visit(el.shadowRoot);
              }
            };
            visit(document);
            return found;""";

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
                    browser.findElement(By.cssSelector("vaadin-text-area textarea")).clear();
                    browser.findElement(By.cssSelector("vaadin-text-area textarea")).sendKeys("Shut up, you idiot.", org.openqa.selenium.Keys.TAB);
                    ((JavascriptExecutor) browser).executeScript("arguments[0].click()",
                            browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Score']")));
                    waitForVaadin(browser);
                    new org.openqa.selenium.support.ui.WebDriverWait(browser, PAGE_TIMEOUT).until(
                            b -> b.findElement(By.tagName("body")).getText().contains("INSULT"));
                }
                assertThat(browser.findElement(By.tagName("body")).getText()).contains(shot.mustContain());
                @SuppressWarnings("unchecked")
                List<String> overflowing = (List<String>) ((JavascriptExecutor) browser).executeScript(OVERFLOWING);
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
                "Overflowing" counts visible leaf elements (light and shadow DOM) whose right edge is beyond the
                window: at 390 px anything above 0 is cut off or needs sideways scrolling.

                | page | size | overflowing elements | screenshot | first of them |
                | --- | --- | ---: | --- | --- |
                """ + String.join("\n", rows) + "\n");
    }
}
