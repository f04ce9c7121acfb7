package dev.safespeak.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.safespeak.base.AuditableEvent;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.OnPostgres;
import dev.safespeak.security.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** The hash-chained audit trail on H2 and on PostgreSQL: appends, the listener, search, verify and tampering. */
abstract class AuditServiceTest {

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    record TestEvent(String actor, Instant occurredAt, String action, String subject, String before, String after)
            implements AuditableEvent {
    }

    private static TestEvent event(String subject, String after) {
        return new TestEvent("alice", Instant.parse("2026-11-28T10:15:30.123456789Z"), "test.changed", subject,
                "old", after);
    }

    private static void login(Role... roles) {
        var authorities = java.util.Arrays.stream(roles).map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken("reader", "n/a", authorities));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void each_entry_holds_the_hash_of_the_one_before() {
        String subject = "test:" + UUID.randomUUID();
        AuditEntry first = audit.append(event(subject, "one"));
        AuditEntry second = audit.append(event(subject, "two"));

        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hash()).hasSize(64).isNotEqualTo(first.hash());
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void stored_entries_read_back_exactly_as_hashed() {
        String subject = "test:" + UUID.randomUUID();
        AuditEntry appended = audit.append(event(subject, "Grüße, 你好 & \"quotes\""));
        login(Role.ADMIN);
        AuditEntry stored = audit.search(new AuditFilter(null, null, subject, null, null), 10).get(0);
        assertThat(stored).isEqualTo(appended);
        assertThat(stored.occurredAt()).isEqualTo(Instant.parse("2026-11-28T10:15:30.123456Z"));
    }

    @Test
    void tampering_with_a_stored_row_is_found_by_verify() {
        String subject = "test:" + UUID.randomUUID();
        audit.append(event(subject, "one"));
        AuditEntry victim = audit.append(event(subject, "approved by the CEO"));
        audit.append(event(subject, "three"));
        assertThat(audit.verify().intact()).isTrue();

        jdbc.update("UPDATE audit_entry SET after_state = ? WHERE seq = ?", "approved by nobody", victim.seq());
        try {
            AuditVerification result = audit.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).contains(
                    new AuditVerification.BrokenEntry(victim.seq(), "its content does not match its HMAC (key "
                            + victim.keyId() + ")"));
            assertThat(result.summary()).startsWith("BROKEN at entry " + victim.seq());
        } finally {
            jdbc.update("UPDATE audit_entry SET after_state = ? WHERE seq = ?", victim.after(), victim.seq());
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void a_rehashed_row_is_found_by_the_next_entry_link() {
        String subject = "test:" + UUID.randomUUID();
        AuditEntry victim = audit.append(event(subject, "one"));
        audit.append(event(subject, "two"));
        jdbc.update("UPDATE audit_entry SET hash = ? WHERE seq = ?", "f".repeat(64), victim.seq());
        try {
            assertThat(audit.verify().firstBroken()).hasValueSatisfying(b -> assertThat(b.seq())
                    .isEqualTo(victim.seq()));
        } finally {
            jdbc.update("UPDATE audit_entry SET hash = ? WHERE seq = ?", victim.hash(), victim.seq());
        }
    }

    @Test
    void a_deleted_entry_is_found() {
        String subject = "test:" + UUID.randomUUID();
        AuditEntry victim = audit.append(event(subject, "one"));
        audit.append(event(subject, "two"));
        jdbc.update("DELETE FROM audit_entry WHERE seq = ?", victim.seq());
        try {
            assertThat(audit.verify().firstBroken()).contains(new AuditVerification.BrokenEntry(victim.seq(),
                    "entry " + victim.seq() + " is missing"));
        } finally {
            jdbc.update("INSERT INTO audit_entry (seq, actor, occurred_at, recorded_at, action, subject, before_state,"
                            + " after_state, previous_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    victim.seq(), victim.actor(), java.sql.Timestamp.from(victim.occurredAt()),
                    java.sql.Timestamp.from(victim.recordedAt()), victim.action(), victim.subject(), victim.before(),
                    victim.after(), victim.previousHash(), victim.hash(), victim.keyId());
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void an_event_published_in_a_transaction_reaches_the_trail() {
        String subject = "test:" + UUID.randomUUID();
        tx.executeWithoutResult(s -> publisher.publishEvent(event(subject, "via listener")));
        login(Role.LEGAL_COMPLIANCE);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(audit.search(new AuditFilter(null, null, subject, null, null), 10))
                        .singleElement().satisfies(e -> assertThat(e.after()).isEqualTo("via listener")));
    }

    @Test
    void the_events_of_one_transaction_are_numbered_in_the_order_they_were_published() {
        // a GO decision and the approval it causes are published in one transaction; the cause must come first
        String subject = "test:" + UUID.randomUUID();
        Instant start = Instant.parse("2026-11-28T10:15:30Z");
        int count = 24;
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                publisher.publishEvent(new TestEvent("alice", start.plusMillis(i), "test.step", subject, "",
                        "step " + i));
            }
        });
        login(Role.LEGAL_COMPLIANCE);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(audit.search(new AuditFilter(null, null, subject, null, null), 100)).hasSize(count));
        List<AuditEntry> trail = new ArrayList<>(audit.search(new AuditFilter(null, null, subject, null, null), 100));
        java.util.Collections.reverse(trail);
        assertThat(trail).extracting(AuditEntry::after)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, count).mapToObj(i -> "step " + i)
                        .toList());
        assertThat(trail).extracting(AuditEntry::occurredAt).isSorted();
    }

    @Test
    void concurrent_appends_form_one_unbroken_chain() throws Exception {
        String subject = "test:" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<AuditEntry>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                tasks.add(() -> audit.append(event(subject, "entry " + n)));
            }
            List<Long> seqs = new ArrayList<>();
            for (Future<AuditEntry> f : pool.invokeAll(tasks)) {
                seqs.add(f.get().seq());
            }
            assertThat(seqs).doesNotHaveDuplicates().hasSize(40);
        } finally {
            pool.shutdown();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void search_filters_by_actor_action_subject_and_time() {
        String subject = "release:" + (900_000 + (int) (Math.random() * 90_000));
        audit.append(new TestEvent("bob", Instant.parse("2026-11-01T00:00:00Z"), "item.status-changed",
                subject + "/item:1", "OPEN", "DONE"));
        audit.append(new TestEvent("carol", Instant.parse("2026-11-05T00:00:00Z"), "signoff.signed",
                subject + "/signoff:CTO", "", "signed"));
        audit.append(new TestEvent("carol", Instant.parse("2026-11-05T00:00:00Z"), "signoff.signed",
                subject + "1/signoff:CTO", "", "another release"));
        login(Role.CEO);

        assertThat(audit.search(AuditFilter.release(Long.parseLong(subject.substring(8))), 100)).hasSize(2);
        assertThat(audit.search(new AuditFilter("CAROL", null, subject + "/", null, null), 100)).hasSize(1);
        assertThat(audit.search(new AuditFilter(null, "status", subject + "/", null, null), 100))
                .extracting(AuditEntry::actor).containsExactly("bob");
        assertThat(audit.search(new AuditFilter(null, null, subject + "/", Instant.parse("2026-11-02T00:00:00Z"),
                Instant.parse("2026-11-06T00:00:00Z")), 100)).extracting(AuditEntry::actor).containsExactly("carol");
    }

    @Test
    void an_empty_time_range_is_refused() {
        login(Role.ADMIN);
        Instant t = Instant.parse("2026-11-02T00:00:00Z");
        assertThatThrownBy(() -> audit.search(new AuditFilter(null, null, null, t, t), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the time range is empty: 'from' must be before 'to'");
    }

    @Test
    void a_qa_lead_cannot_read_the_audit_trail() {
        login(Role.QA_LEAD);
        assertThatThrownBy(() -> audit.search(AuditFilter.ALL, 10))
                .isInstanceOf(BusinessException.class)
                .hasMessage("This needs the role Administrator or Chief Executive Officer or Chief Product Officer or "
                        + "Chief Technology Officer or Executive Leadership or Legal/Compliance Officer; you hold "
                        + "QA/Test Engineering Lead");
    }

    @SpringBootTest
    @ActiveProfiles("test")
    static class OnH2 extends AuditServiceTest {
    }

    @SpringBootTest
    @OnPostgres
    static class OnPostgreSQL extends AuditServiceTest {
    }
}
