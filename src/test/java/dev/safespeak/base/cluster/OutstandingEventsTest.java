package dev.safespeak.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.apikey.ApiKeyRevoked;
import dev.safespeak.apikey.KeysCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Unfinished event publications (what a crash leaves behind) are re-published by the web application only, once,
 * by the instance holding the lock: the {@code keys} command that shares the database leaves them alone, a second
 * run finds nothing, another instance's lock keeps this one out, and publications young enough to be running
 * elsewhere wait. Each case counts the audit entries the re-published event produces.
 */
@SpringBootTest(properties = "safespeak.events.republish-initial-delay=PT1H")
@ActiveProfiles("test")
class OutstandingEventsTest {

    private static final String AUDIT_LISTENER = "dev.safespeak.audit.AuditListener.on("
            + "dev.safespeak.base.AuditableEvent)";

    @Autowired
    OutstandingEvents outstanding;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource dataSource;

    private final List<String> subjects = new ArrayList<>();

    @AfterEach
    void clear() {
        System.clearProperty("spring.datasource.url");
        releaseLock();
        subjects.forEach(s -> jdbc.update("DELETE FROM event_publication WHERE serialized_event LIKE ?",
                "%" + s + "%"));
    }

    /** Ends the lock as time would; the row stays, as ShedLock remembers the rows it has seen. */
    private void releaseLock() {
        jdbc.update("UPDATE shedlock SET lock_until = ? WHERE name = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), OutstandingEvents.LOCK);
    }

    /** An audited event whose listener never finished, as after kill -9; the subject is unique to the test. */
    private String unfinished(Duration age) throws Exception {
        String subject = "api-key:" + UUID.randomUUID();
        subjects.add(subject);
        ApiKeyRevoked event = new ApiKeyRevoked("admin", Instant.parse("2026-12-01T10:00:00Z"), "api-key.revoked",
                subject, "active", "revoked");
        jdbc.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)"
                        + " VALUES (?, ?, ?, ?, ?)", UUID.randomUUID(), AUDIT_LISTENER, ApiKeyRevoked.class.getName(),
                json.writeValueAsString(event), Timestamp.from(Instant.now().minus(age).truncatedTo(ChronoUnit.MILLIS)));
        return subject;
    }

    private int audited(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject = ?", Integer.class, subject);
    }

    private int unfinishedCount(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL"
                + " AND serialized_event LIKE ?", Integer.class, "%" + subject + "%");
    }

    @Test
    void the_keys_command_does_not_republish_unfinished_events() throws Exception {
        String subject = unfinished(Duration.ofHours(1));
        try (Connection connection = dataSource.getConnection()) {
            // The same in-memory database: the URL as resolved, not the property (its ${random.uuid} changes).
            System.setProperty("spring.datasource.url", connection.getMetaData().getURL() + ";DB_CLOSE_DELAY=-1");
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KeysCommand.run(new String[] {"keys", "list"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        Thread.sleep(2000);
        assertThat(audited(subject)).as("audit entries written by the keys command").isZero();
        assertThat(unfinishedCount(subject)).isEqualTo(1);
    }

    @Test
    void the_web_application_republishes_an_old_unfinished_event_once() throws Exception {
        String subject = unfinished(Duration.ofHours(1));

        assertThat(outstanding.republish()).hasValue(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> audited(subject) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedCount(subject) == 0);

        assertThat(outstanding.republish()).as("the lock is kept for the age after a run").isEmpty();
        releaseLock();
        assertThat(outstanding.republish()).hasValue(0);
        Thread.sleep(1000);
        assertThat(audited(subject)).isEqualTo(1);
    }

    @Test
    void an_instance_waits_while_another_holds_the_lock() throws Exception {
        String subject = unfinished(Duration.ofHours(1));
        Timestamp until = Timestamp.from(Instant.now().plus(Duration.ofMinutes(5)));
        if (jdbc.update("UPDATE shedlock SET lock_until = ?, locked_by = 'other-pod' WHERE name = ?", until,
                OutstandingEvents.LOCK) == 0) {
            jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, 'other-pod')",
                    OutstandingEvents.LOCK, until, Timestamp.from(Instant.now()));
        }

        assertThat(outstanding.republish()).isEqualTo(OptionalInt.empty());
        Thread.sleep(1000);
        assertThat(audited(subject)).isZero();
        assertThat(unfinishedCount(subject)).isEqualTo(1);
    }

    @Test
    void a_young_unfinished_event_is_left_to_the_instance_that_may_still_be_handling_it() throws Exception {
        String subject = unfinished(Duration.ofSeconds(10));

        assertThat(outstanding.republish()).hasValue(0);
        Thread.sleep(1000);
        assertThat(audited(subject)).isZero();
        assertThat(unfinishedCount(subject)).isEqualTo(1);
    }
}
