package dev.safespeak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** {@code -Dsafespeak.startup-steps=N} logs the N slowest start-up steps once the application is ready. */
@ExtendWith(OutputCaptureExtension.class)
class StartupStepsTest {

    private static final Pattern STEP = Pattern.compile(":   (\\d+) ms ");

    static class Slow {
        Slow() throws InterruptedException {
            Thread.sleep(300);
        }
    }

    static class Config {
        @Bean
        Slow slowBean() throws InterruptedException {
            return new Slow();
        }
    }

    @AfterEach
    void clear() {
        System.clearProperty("safespeak.startup-steps");
    }

    private void start() {
        SpringApplication application = new SpringApplication(Config.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        StartupSteps.install(application);
        try (ConfigurableApplicationContext context = application.run("--spring.main.banner-mode=off")) {
            assertThat(context.getBean(Slow.class)).isNotNull();
        }
    }

    @Test
    void the_slowest_steps_are_logged_slowest_first(CapturedOutput output) {
        System.setProperty("safespeak.startup-steps", "12");
        start();
        String log = output.getOut();
        assertThat(log).contains("Slowest start-up steps:");
        String steps = log.substring(log.indexOf("Slowest start-up steps:"));
        List<Long> millis = steps.lines().map(STEP::matcher).filter(Matcher::find)
                .map(m -> Long.parseLong(m.group(1))).toList();
        assertThat(millis).hasSize(12).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(steps).contains("spring.context.refresh").containsPattern("\\d{3,} ms spring.beans.instantiate "
                + "beanName=slowBean");
    }

    @Test
    void nothing_is_recorded_or_logged_by_default(CapturedOutput output) {
        start();
        assertThat(output.getOut()).doesNotContain("Slowest start-up steps");
    }
}
