package dev.safespeak.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

class LoginPageBrowserTest extends BrowserTest {

    @Test
    void an_anonymous_visitor_is_sent_to_the_login_form() {
        WebDriver browser = openBrowser();
        open(browser, "");
        waitFor(browser, By.cssSelector("#vaadinLoginUsername input"));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }
}
