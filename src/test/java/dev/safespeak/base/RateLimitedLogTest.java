package dev.safespeak.base;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("test.rate-limited." + System.nanoTime());
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    RateLimitedLogTest() {
        lines.start();
        logger.addAppender(lines);
    }

    @Test
    void a_failure_repeated_within_the_interval_is_logged_once_and_counted() {
        RateLimitedLog quiet = new RateLimitedLog(logger, Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            quiet.warn("db", "request {} failed", i);
        }
        assertThat(lines.list).as("lines written for 100 failures of one kind").hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage()).isEqualTo("request 0 failed");
        assertThat(quiet.suppressed("db")).as("failures counted but not written").isEqualTo(99);
    }

    @Test
    void each_kind_gets_its_own_line() {
        RateLimitedLog quiet = new RateLimitedLog(logger, Duration.ofMinutes(1));
        quiet.warn("a", "kind a");
        quiet.warn("b", "kind b");
        quiet.warn("a", "kind a again");
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly("kind a", "kind b");
    }

    @Test
    void the_next_line_after_the_interval_says_how_many_were_left_out() throws InterruptedException {
        RateLimitedLog quiet = new RateLimitedLog(logger, Duration.ofMillis(50));
        quiet.warn("db", "down");
        quiet.warn("db", "down");
        quiet.warn("db", "down");
        Thread.sleep(80);
        assertThat(quiet.warn("db", "still down")).as("logged after the interval").isTrue();
        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("down", "still down (2 more like it since the last line)");
    }

    @Test
    void an_exception_argument_is_written_as_its_message_without_a_stack_trace() {
        RateLimitedLog quiet = new RateLimitedLog(logger, Duration.ofMinutes(1));
        quiet.warn("db", "failed: {}", new SQLException("Connection refused", "08001"));
        assertThat(lines.list.get(0).getThrowableProxy()).as("stack trace attached to the line").isNull();
        assertThat(lines.list.get(0).getFormattedMessage()).contains("Connection refused");
    }
}
