package dev.safespeak;

import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;

/**
 * Where start-up time goes: with {@code -Dsafespeak.startup-steps=N} the application records Spring's start-up
 * steps and logs the N slowest once it is ready (bean creation includes the beans it depends on). Off by default;
 * {@code bench/cli.sh} uses it to say what readiness costs.
 */
final class StartupSteps {

    private static final Logger log = LoggerFactory.getLogger(StartupSteps.class);

    private StartupSteps() {
    }

    static void install(SpringApplication application) {
        int count = Integer.getInteger("safespeak.startup-steps", 0);
        if (count <= 0) {
            return;
        }
        BufferingApplicationStartup startup = new BufferingApplicationStartup(20_000);
        application.setApplicationStartup(startup);
        application.addListeners(event -> {
            if (event instanceof ApplicationReadyEvent) {
                StartupTimeline timeline = startup.getBufferedTimeline();
                log.info("Slowest start-up steps:");
                timeline.getEvents().stream()
                        .sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
                        .limit(count)
                        .forEach(e -> log.info("  {} ms {} {}", e.getDuration().toMillis(),
                                e.getStartupStep().getName(), describe(e)));
            }
        });
    }

    private static String describe(StartupTimeline.TimelineEvent event) {
        StringBuilder tags = new StringBuilder();
        event.getStartupStep().getTags().forEach(t -> tags.append(t.getKey()).append('=').append(t.getValue())
                .append(' '));
        return tags.toString().trim();
    }
}
