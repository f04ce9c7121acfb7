package dev.safespeak;

import dev.safespeak.base.BrowserTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the browser tests of the demo pages do on a page beyond opening it. */
final class DemoPages {

    private DemoPages() {
    }

    /** Types {@code text} into the console's text area, presses Score and waits for the attribute scores. */
    static void scoreInConsole(WebDriver browser, String text) {
        WebElement area = browser.findElement(By.cssSelector("vaadin-text-area textarea"));
        area.clear();
        area.sendKeys(text, Keys.TAB);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click()",
                browser.findElement(By.xpath("//vaadin-button[normalize-space(.)='Score']")));
        new WebDriverWait(browser, BrowserTest.PAGE_TIMEOUT).until(
                b -> b.findElement(By.tagName("body")).getText().contains("INSULT"));
    }
}
