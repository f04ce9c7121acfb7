package dev.safespeak.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.base.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Signing in through the real login form, as a person does. */
class SignInBrowserTest extends BrowserTest {

    @Test
    void the_admin_signs_in_through_the_form_and_sees_the_main_layout() {
        WebDriver browser = openBrowser();
        signIn(browser, "admin", ADMIN_PASSWORD);

        open(browser, "users");
        assertThat(waitFor(browser, By.id("current-user")).getText()).isEqualTo("admin");
        assertThat(browser.findElement(By.tagName("vaadin-side-nav")).getText()).contains("Users");
        assertThat(waitFor(browser, By.id("users")).getText()).contains("admin");
    }

    @Test
    void a_wrong_password_keeps_the_visitor_on_the_login_form_with_an_error() {
        WebDriver browser = openBrowser();
        open(browser, "login");
        waitFor(browser, By.cssSelector("#vaadinLoginUsername input")).sendKeys("admin");
        browser.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("not-the-password\n");

        waitFor(browser, By.cssSelector("vaadin-login-form[error]"));
        assertThat(browser.getCurrentUrl()).contains("/login?error");
    }
}
