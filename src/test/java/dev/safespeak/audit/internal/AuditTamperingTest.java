package dev.safespeak.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safespeak.audit.AuditEntry;
import dev.safespeak.audit.AuditVerification;
import dev.safespeak.audit.AuditVerification.BrokenEntry;
import dev.safespeak.audit.AuditVerification.Status;
import dev.safespeak.base.OnPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an insider with write access to the database but without the key can do to the trail, and what verification
 * then reports: a rewritten entry with every later hash recomputed, a cut-off tail, a checkpoint edited by hand,
 * entries under a rotated key, a key that is not configured. Each test starts from an empty chain in a database of
 * its own class (the context is not shared with other test classes).
 */
abstract class AuditTamperingTest {

    static final AuditKey KEY_1 = AuditKey.of("first-audit-key-0123456789abcdefghijklmnop", "test key 1");
    static final AuditKey KEY_2 = AuditKey.of("second-audit-key-0123456789abcdefghijklmno", "test key 2");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    @TempDir
    Path dir;

    final Clock clock = Clock.fixed(Instant.parse("2026-12-04T23:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void emptyChain() {
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("UPDATE audit_chain_head SET last_seq = 0, last_hash = ? WHERE id = 1", AuditHashing.GENESIS);
    }

    AuditStore store(AuditKey current, AuditKey... previous) {
        return new AuditStore(jdbc, AuditKeyRing.of(current, previous));
    }

    AuditCheckpoints checkpoints(AuditStore store) {
        return new AuditCheckpoints(store, new AuditProperties(null, new AuditProperties.Checkpoint(
                dir.resolve("checkpoints.log").toString(), null)), clock);
    }

    AuditVerification verify(AuditStore store, Path checkpointFile) {
        AuditCheckpoints checkpoints = checkpoints(store);
        return new AuditVerifier(store, checkpoints).verify(Optional.ofNullable(checkpointFile));
    }

    List<AuditEntry> append(AuditStore store, int count, String what) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> tx.execute(s -> store.append("alice",
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(i), clock.instant(), "item.status-changed",
                "release:1/item:" + i, "OPEN", what + " " + i))).toList();
    }

    /** What an insider without the key does: changes one entry and recomputes every later plain hash and the head. */
    void rewriteAndRechain(long fromSeq, String newAfter, boolean markUnsigned) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM audit_entry WHERE seq >= ? ORDER BY seq",
                fromSeq);
        String previous = jdbc.queryForObject("SELECT previous_hash FROM audit_entry WHERE seq = ?", String.class,
                fromSeq);
        for (Map<String, Object> row : rows) {
            long seq = ((Number) row.get(key(row, "seq"))).longValue();
            String after = seq == fromSeq ? newAfter : (String) row.get(key(row, "after_state"));
            Instant occurred = jdbc.queryForObject("SELECT occurred_at FROM audit_entry WHERE seq = ?",
                    java.time.OffsetDateTime.class, seq).toInstant();
            String hash = AuditHashing.hash(previous, seq, (String) row.get(key(row, "actor")), occurred,
                    (String) row.get(key(row, "action")), (String) row.get(key(row, "subject")),
                    (String) row.get(key(row, "before_state")), after);
            if (markUnsigned) {
                jdbc.update("UPDATE audit_entry SET after_state = ?, previous_hash = ?, hash = ?, key_id = NULL "
                        + "WHERE seq = ?", after, previous, hash, seq);
            } else {
                jdbc.update("UPDATE audit_entry SET after_state = ?, previous_hash = ?, hash = ? WHERE seq = ?",
                        after, previous, hash, seq);
            }
            previous = hash;
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", previous);
    }

    /** The row map's key for a column, whatever case the database reports column names in. */
    private static String key(Map<String, Object> row, String column) {
        return row.keySet().stream().filter(k -> k.equalsIgnoreCase(column)).findFirst().orElseThrow();
    }

    @Test
    void a_rewritten_entry_with_all_later_hashes_recomputed_is_found_and_named() {
        AuditStore store = store(KEY_1);
        List<AuditEntry> entries = append(store, 5, "DONE");
        assertThat(verify(store, null).intact()).isTrue();

        rewriteAndRechain(entries.get(2).seq(), "approved by nobody", false);

        AuditVerification result = verify(store, null);
        assertThat(result.status()).isEqualTo(Status.BROKEN);
        assertThat(result.firstBroken()).contains(new BrokenEntry(entries.get(2).seq(),
                "its content does not match its HMAC (key " + KEY_1.id() + ")"));
        assertThat(result.summary()).startsWith("BROKEN at entry " + entries.get(2).seq() + ": ");
    }

    @Test
    void a_rewritten_entry_passed_off_as_unsigned_is_found_and_named() {
        AuditStore store = store(KEY_1);
        List<AuditEntry> entries = append(store, 4, "DONE");

        rewriteAndRechain(entries.get(1).seq(), "approved by nobody", true);

        assertThat(verify(store, null).firstBroken()).contains(new BrokenEntry(entries.get(1).seq(),
                "it has no key id (unsigned) but follows signed entries; unsigned entries are only accepted before "
                        + "the first signed one"));
    }

    @Test
    void a_chain_rewritten_as_unsigned_from_its_first_entry_is_caught_by_a_checkpoint() {
        AuditStore store = store(KEY_1);
        List<AuditEntry> entries = append(store, 3, "DONE");
        Path file = dir.resolve("shipped.log");
        assertThat(write(store, file)).contains("seq=" + entries.get(2).seq());

        rewriteAndRechain(entries.get(0).seq(), "approved by nobody", true);

        assertThat(verify(store, null).intact()).as("the chain alone cannot tell").isTrue();
        AuditVerification result = verify(store, file);
        assertThat(result.status()).isEqualTo(Status.BROKEN);
        assertThat(result.firstBroken()).contains(new BrokenEntry(entries.get(2).seq(),
                "its hash differs from the checkpoint of 2026-12-04T23:00:00Z (the chain was rewritten)"));
    }

    @Test
    void a_cut_off_tail_with_the_head_moved_back_passes_the_chain_but_not_the_checkpoint() {
        AuditStore store = store(KEY_1);
        List<AuditEntry> entries = append(store, 5, "DONE");
        Path file = dir.resolve("shipped.log");
        write(store, file);
        AuditEntry newTip = entries.get(2);

        jdbc.update("DELETE FROM audit_entry WHERE seq > ?", newTip.seq());
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", newTip.seq(),
                newTip.hash());

        assertThat(verify(store, null).intact()).as("the chain alone cannot tell").isTrue();
        AuditVerification result = verify(store, file);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken()).contains(new BrokenEntry(entries.get(4).seq(), "it is missing, but the "
                + "checkpoint of 2026-12-04T23:00:00Z recorded the chain up to it (entries were removed)"));
        assertThat(result.checkpoints()).hasValueSatisfying(c -> {
            assertThat(c.checkpoints()).isEqualTo(1);
            assertThat(c.matching()).isZero();
        });
    }

    @Test
    void checkpoints_of_an_untouched_chain_match_also_from_a_log_excerpt() throws Exception {
        AuditStore store = store(KEY_1);
        append(store, 2, "DONE");
        Path file = dir.resolve("shipped.log");
        String first = write(store, file);
        append(store, 2, "MORE");
        String second = write(store, file);
        Path log = dir.resolve("app.log");
        Files.writeString(log, "2026-12-04T23:00:00Z INFO Audit checkpoint written to x: " + first + "\n"
                + "2026-12-04T23:00:01Z INFO something else\n"
                + "2026-12-04T23:15:00Z INFO Audit checkpoint written to x: " + second + "\n");

        AuditVerification result = verify(store, log);

        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.summary()).isEqualTo("Intact: 4 entries verified (4 signed with key " + KEY_1.id()
                + " (current)); 2 of 2 checkpoints match (" + log + ")");
    }

    @Test
    void a_checkpoint_edited_to_fit_a_rewritten_chain_fails_its_hmac() throws Exception {
        AuditStore store = store(KEY_1);
        List<AuditEntry> entries = append(store, 2, "DONE");
        Path file = dir.resolve("shipped.log");
        String line = write(store, file);
        Files.writeString(file, line.replace("seq=" + entries.get(1).seq(), "seq=" + entries.get(0).seq())
                .replace(entries.get(1).hash(), entries.get(0).hash()) + "\n");

        AuditVerification result = verify(store, file);

        assertThat(result.status()).isEqualTo(Status.NOT_VERIFIED);
        assertThat(result.checkpoints().orElseThrow().problems())
                .containsExactly("line 1: its HMAC does not match, so the checkpoint itself was altered");
    }

    @Test
    void a_checkpoint_file_that_is_not_there_is_reported() {
        AuditStore store = store(KEY_1);
        append(store, 1, "DONE");
        Path missing = dir.resolve("nowhere.log");

        AuditVerification result = verify(store, missing);

        assertThat(result.status()).isEqualTo(Status.NOT_VERIFIED);
        assertThat(result.summary()).startsWith("NOT VERIFIED: 0 of 0 checkpoints match (" + missing
                + "): the checkpoint file " + missing.toAbsolutePath() + " does not exist");
    }

    @Test
    void entries_under_the_old_and_the_new_key_both_verify_with_the_ring() {
        List<AuditEntry> before = append(store(KEY_1), 3, "BEFORE");
        AuditStore rotated = store(KEY_2, KEY_1);
        List<AuditEntry> after = append(rotated, 2, "AFTER");

        AuditVerification result = verify(rotated, null);

        assertThat(before).extracting(AuditEntry::keyId).containsOnly(KEY_1.id());
        assertThat(after).extracting(AuditEntry::keyId).containsOnly(KEY_2.id());
        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.entriesByKey()).containsExactlyInAnyOrderEntriesOf(Map.of(KEY_1.id(), 3L, KEY_2.id(), 2L));
        assertThat(result.currentKeyId()).isEqualTo(KEY_2.id());
    }

    @Test
    void entries_under_a_key_that_is_not_configured_are_reported_not_verified_without_failing() {
        append(store(KEY_1), 3, "BEFORE");
        AuditStore forgotTheOldKey = store(KEY_2);
        append(forgotTheOldKey, 1, "AFTER");

        AuditVerification result = verify(forgotTheOldKey, null);

        assertThat(result.status()).isEqualTo(Status.NOT_VERIFIED);
        assertThat(result.firstBroken()).isEmpty();
        assertThat(result.missingKeys()).containsExactly(KEY_1.id());
        assertThat(result.summary()).isEqualTo("NOT VERIFIED: 3 entries are signed with key " + KEY_1.id()
                + ", which this instance does not have: configure it as a previous key (4 entries checked)");
    }

    @Test
    void a_rewrite_among_entries_of_a_missing_key_is_still_found_at_the_next_known_one() {
        List<AuditEntry> old = append(store(KEY_1), 2, "BEFORE");
        AuditStore forgotTheOldKey = store(KEY_2);
        append(forgotTheOldKey, 1, "AFTER");

        rewriteAndRechain(old.get(1).seq(), "approved by nobody", false);

        assertThat(verify(forgotTheOldKey, null).firstBroken()).hasValueSatisfying(b ->
                assertThat(b.seq()).isEqualTo(old.get(1).seq() + 1));
    }

    @Test
    void entries_written_before_keyed_links_verify_with_the_plain_hash_and_are_reported_unsigned() {
        String previous = AuditHashing.GENESIS;
        for (long seq = 1; seq <= 2; seq++) {
            Instant at = Instant.parse("2026-11-01T00:00:00Z").plusSeconds(seq);
            String hash = AuditHashing.hash(previous, seq, "bob", at, "legacy.changed", "legacy:" + seq, "a", "b");
            jdbc.update("INSERT INTO audit_entry (seq, actor, occurred_at, recorded_at, action, subject, before_state,"
                    + " after_state, previous_hash, hash) VALUES (?, 'bob', ?, ?, 'legacy.changed', ?, 'a', 'b', ?, ?)",
                    seq, Timestamp.from(at), Timestamp.from(at), "legacy:" + seq, previous, hash);
            previous = hash;
        }
        jdbc.update("UPDATE audit_chain_head SET last_seq = 2, last_hash = ? WHERE id = 1", previous);
        AuditStore store = store(KEY_1);
        append(store, 2, "SIGNED");

        AuditVerification result = verify(store, null);

        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.unsignedEntries()).isEqualTo(2);
        assertThat(result.summary()).isEqualTo("Intact: 4 entries verified (2 signed with key " + KEY_1.id()
                + " (current), 2 unsigned (before HMAC))");

        jdbc.update("UPDATE audit_entry SET after_state = 'forged' WHERE seq = 1");
        assertThat(verify(store, null).firstBroken()).contains(new BrokenEntry(1,
                "its content does not match its hash"));
    }

    private String write(AuditStore store, Path file) {
        try {
            return checkpoints(store).write(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SpringBootTest(properties = "safespeak.audit.checkpoint.interval=PT14M")
    @ActiveProfiles("test")
    static class OnH2 extends AuditTamperingTest {
    }

    @SpringBootTest(properties = "safespeak.audit.checkpoint.interval=PT14M")
    @OnPostgres
    static class OnPostgreSQL extends AuditTamperingTest {
    }
}
