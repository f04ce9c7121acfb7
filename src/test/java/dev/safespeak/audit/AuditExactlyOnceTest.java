package dev.safespeak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safespeak.apikey.ApiKeyRevoked;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once audit: an event delivered to the audit listener again, as after a crash between the entry's commit and
 * the publication's completion mark, adds no second entry; different events stay different entries. The listener
 * runs asynchronously, so the direct cases call the service it delegates to.
 */
@SpringBootTest
@ActiveProfiles("test")
class AuditExactlyOnceTest {

    private static final String AUDIT_LISTENER = "dev.safespeak.audit.AuditListener.on("
            + "dev.safespeak.base.AuditableEvent)";

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    private static ApiKeyRevoked revoked(String subject, Instant at) {
        return new ApiKeyRevoked("admin", at, "api-key.revoked", subject, "active", "revoked");
    }

    private int audited(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject = ?", Integer.class, subject);
    }

    @Test
    void the_same_event_appended_twice_is_one_entry() {
        String subject = "api-key:" + UUID.randomUUID();
        ApiKeyRevoked event = revoked(subject, Instant.parse("2026-12-01T10:00:00.123456789Z"));

        AuditEntry first = audit.append(event);
        AuditEntry again = audit.append(revoked(subject, event.occurredAt()));

        assertThat(again).isEqualTo(first);
        assertThat(audited(subject)).isEqualTo(1);
        assertThat(AuditService.eventKey(event)).hasSize(64);
    }

    @Test
    void a_publication_resubmitted_after_its_entry_was_committed_adds_no_second_entry() throws Exception {
        String subject = "api-key:" + UUID.randomUUID();
        ApiKeyRevoked event = revoked(subject, Instant.parse("2026-12-01T10:00:00.5Z"));
        tx.executeWithoutResult(s -> publisher.publishEvent(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> audited(subject) == 1);
        // The crash: the entry is committed, the publication's completion is not (as after kill -9 between them).
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)"
                        + " VALUES (?, ?, ?, ?, ?)", id, AUDIT_LISTENER, ApiKeyRevoked.class.getName(),
                json.writeValueAsString(event), Timestamp.from(Instant.now().minus(Duration.ofHours(1))));

        incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_publication WHERE id = ? AND completion_date IS NULL", Integer.class,
                id) == 0);
        assertThat(audited(subject)).isEqualTo(1);
    }

    @Test
    void events_that_differ_only_in_their_time_are_two_entries() {
        String subject = "api-key:" + UUID.randomUUID();

        audit.append(revoked(subject, Instant.parse("2026-12-01T10:00:00.000001Z")));
        audit.append(revoked(subject, Instant.parse("2026-12-01T10:00:00.000002Z")));

        assertThat(audited(subject)).isEqualTo(2);
    }

    @Test
    void events_without_a_time_of_their_own_are_never_taken_for_one() {
        String subject = "api-key:" + UUID.randomUUID();
        ApiKeyRevoked timeless = revoked(subject, null);

        audit.append(timeless);
        audit.append(timeless);

        assertThat(AuditService.eventKey(timeless)).isNull();
        assertThat(audited(subject)).isEqualTo(2);
    }
}
