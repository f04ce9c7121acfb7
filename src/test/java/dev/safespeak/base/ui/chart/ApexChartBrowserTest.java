package dev.safespeak.base.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BrowserTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** ApexCharts really draws the evidence page's charts in a browser, with their data. */
class ApexChartBrowserTest extends BrowserTest {

    @Test
    void the_evidence_page_draws_its_charts_as_svg_with_the_threshold_line() {
        WebDriver browser = openBrowser();
        signIn(browser, "admin", ADMIN_PASSWORD);
        open(browser, "evidence");
        waitFor(browser, By.cssSelector("safespeak-apex-chart#trend-P95_LATENCY[rendered]"));
        // ApexCharts sets the attribute before it has drawn every layer: wait for the lines, not only the svg.
        Object paths = new WebDriverWait(browser, PAGE_TIMEOUT).until(b -> ((JavascriptExecutor) b).executeScript(
                "const c = document.querySelector('safespeak-apex-chart#trend-P95_LATENCY');"
                        + "const n = c && c.querySelector('svg') ? c.querySelectorAll('svg .apexcharts-yaxis-annotations"
                        + " line, svg line').length : 0; return n > 0 ? n : null;"));
        assertThat(((Number) paths).intValue()).isPositive();
        @SuppressWarnings("unchecked")
        List<Object> bars = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('safespeak-apex-chart[rendered]')).map(e => e.id);");
        assertThat(bars).contains("trend-AVAILABILITY", "trend-ERROR_RATE", "drift-bars");
    }
}
