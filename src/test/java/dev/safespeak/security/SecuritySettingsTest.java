package dev.safespeak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class SecuritySettingsTest {

    @Configuration
    @EnableConfigurationProperties(SecuritySettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void defaults_generate_the_admin_password_and_keep_demo_users_off() {
        runner.run(ctx -> {
            SecuritySettings settings = ctx.getBean(SecuritySettings.class);
            assertThat(settings.adminPassword()).isEmpty();
            assertThat(settings.demoUsers()).isFalse();
            assertThat(settings.minPasswordLength()).isEqualTo(8);
        });
    }

    @Test
    void a_too_short_admin_password_stops_the_start_naming_the_key_but_not_the_value() {
        runner.withPropertyValues("safespeak.security.admin-password=abc123").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessage("safespeak.security.admin-password (SAFESPEAK_ADMIN_PASSWORD) must have at least 8"
                            + " characters, or be empty to generate one");
            assertThat(stackText(ctx.getStartupFailure())).doesNotContain("abc123");
        });
    }

    @Test
    void a_minimum_password_length_below_8_stops_the_start() {
        runner.withPropertyValues("safespeak.security.min-password-length=4").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessage("safespeak.security.min-password-length must be between 8 and 128, but is 4");
        });
    }

    @Test
    void a_demo_flag_that_is_no_boolean_stops_the_start_naming_the_key() {
        runner.withPropertyValues("safespeak.security.demo-users=maybe").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(stackText(ctx.getStartupFailure())).contains("safespeak.security");
        });
    }

    @Test
    void the_settings_never_print_the_admin_password() {
        assertThat(new SecuritySettings("a-long-secret", false, null).toString()).doesNotContain("a-long-secret");
        assertThatThrownBy(() -> new SecuritySettings("x".repeat(73), false, null))
                .hasMessageContaining("at most 72 characters");
    }

    private static String stackText(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append(c.getMessage()).append('\n');
        }
        return text.toString();
    }
}
