package dev.safespeak.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.audit.AuditService;
import dev.safespeak.base.AuditableEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class AuditChainCheckTest {

    @Autowired
    AuditChainCheck check;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    record Changed(String actor, Instant occurredAt, String action, String subject, String before, String after)
            implements AuditableEvent {
    }

    @Test
    void passes_when_the_chain_verifies_and_fails_when_a_row_is_tampered() {
        var entry = audit.append(new Changed("alice", Instant.now(), "test.changed", "test:check", "a", "b"));
        assertThat(check.run().passed()).isTrue();
        assertThat(check.run().details()).startsWith("Audit trail Intact: ");

        jdbc.update("UPDATE audit_entry SET actor = 'mallory' WHERE seq = ?", entry.seq());
        try {
            assertThat(check.run().passed()).isFalse();
            assertThat(check.run().details()).startsWith("Audit trail BROKEN at entry " + entry.seq()
                    + ": its content does not match its HMAC (key " + entry.keyId() + ") (");
        } finally {
            jdbc.update("UPDATE audit_entry SET actor = 'alice' WHERE seq = ?", entry.seq());
        }
    }

    @Test
    void is_bound_to_the_audit_logging_items_of_the_checklist() {
        assertThat(check.itemKeys()).containsExactlyInAnyOrder("audit-logging", "compliance-monitoring");
    }
}
