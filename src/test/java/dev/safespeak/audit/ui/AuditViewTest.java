package dev.safespeak.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import dev.safespeak.audit.AuditEntry;
import dev.safespeak.audit.AuditService;
import dev.safespeak.base.AuditableEvent;
import dev.safespeak.base.KaribuTest;
import dev.safespeak.security.Role;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AuditViewTest extends KaribuTest {

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    record Changed(String actor, Instant occurredAt, String action, String subject, String before, String after)
            implements AuditableEvent {
    }

    @Test
    void legal_compliance_filters_the_trail_by_subject() {
        String subject = "test:" + UUID.randomUUID();
        audit.append(new Changed("alice", Instant.now(), "test.changed", subject, "a", "b"));
        audit.append(new Changed("bob", Instant.now(), "test.changed", subject + "-other", "a", "b"));
        login("lena", Role.LEGAL_COMPLIANCE);
        UI.getCurrent().navigate("audit");
        AuditView view = _get(AuditView.class);

        _setValue(view.subject, subject + "-other");
        _click(view.search);

        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0)).extracting(AuditEntry::actor).isEqualTo("bob");
    }

    @Test
    void the_verify_button_shows_the_chain_intact_with_its_signing_key_and_checkpoint_status() {
        AuditEntry entry = audit.append(new Changed("alice", Instant.now(), "test.changed", "test:x", "a", "b"));
        login("ada", Role.ADMIN);
        UI.getCurrent().navigate("audit");
        AuditView view = _get(AuditView.class);
        _click(view.verify);
        assertThat(view.verification.getText()).startsWith("Intact: ")
                .contains(" entries verified (").contains(" signed with key " + entry.keyId() + " (current)");
        assertThat(view.verification.getElement().getThemeList()).contains("success");
        assertThat(view.verificationDetails.getText())
                .startsWith("Signing key: " + entry.keyId() + ". Entries: ")
                .contains(" signed with key " + entry.keyId() + " (current)")
                .endsWith(". Checkpoints: no checkpoint file yet.");
    }

    @Test
    void a_rewritten_entry_shows_the_chain_broken_at_that_entry() {
        AuditEntry entry = audit.append(new Changed("alice", Instant.now(), "test.changed", "test:y", "a", "b"));
        login("ada", Role.ADMIN);
        UI.getCurrent().navigate("audit");
        AuditView view = _get(AuditView.class);
        jdbc.update("UPDATE audit_entry SET after_state = 'forged' WHERE seq = ?", entry.seq());
        try {
            _click(view.verify);
            assertThat(view.verification.getText()).startsWith("BROKEN at entry " + entry.seq()
                    + ": its content does not match its HMAC (key " + entry.keyId() + ")");
            assertThat(view.verification.getElement().getThemeList()).contains("error");
        } finally {
            jdbc.update("UPDATE audit_entry SET after_state = 'b' WHERE seq = ?", entry.seq());
        }
    }

    @Test
    void a_qa_lead_cannot_open_the_audit_view() {
        login("quinn", Role.QA_LEAD);
        assertThatThrownBy(() -> UI.getCurrent().navigate("audit"))
                .isInstanceOf(MockAccessDeniedException.class);
        _assertNone(AuditView.class);
    }
}
