package dev.safespeak.audit.internal;

import dev.safespeak.audit.AuditEntry;
import dev.safespeak.audit.AuditFilter;
import dev.safespeak.audit.AuditVerification;
import dev.safespeak.audit.AuditVerification.BrokenEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The audit tables, in plain JDBC: appends lock the single chain-head row ({@code SELECT ... FOR UPDATE}) so
 * exactly one writer at a time, in this or any other instance sharing the database, extends the chain. Appends only
 * insert into {@code audit_entry}; nothing here updates or deletes an entry, so the application's database role
 * needs no UPDATE or DELETE on it (docs/operations/audit-append-only-role.md).
 */
@Repository
public class AuditStore {

    /** Longest before/after text stored (the column's size); longer texts are cut and marked. */
    static final int MAX_STATE_CHARS = 8000;

    private static final RowMapper<AuditEntry> ENTRY = AuditStore::entry;

    private final JdbcTemplate jdbc;
    private final AuditKeyRing keys;

    AuditStore(JdbcTemplate jdbc, AuditKeyRing keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /**
     * Appends an entry at the chain's tip, linked with the current key's HMAC; the caller's transaction holds the
     * head lock until it commits.
     */
    public AuditEntry append(String actor, Instant occurredAt, Instant recordedAt, String action, String subject,
                             String before, String after) {
        return append(actor, occurredAt, recordedAt, action, subject, before, after, null);
    }

    /**
     * As {@link #append(String, Instant, Instant, String, String, String, String)}, once per event key: when an
     * entry with this key exists, it is returned and nothing is appended. The check runs under the head lock, and
     * the key's unique index backs it.
     *
     * @param eventKey the key of the event recorded, or null for none
     */
    public AuditEntry append(String actor, Instant occurredAt, Instant recordedAt, String action, String subject,
                             String before, String after, String eventKey) {
        Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        if (eventKey != null) {
            List<AuditEntry> existing = jdbc.query("SELECT * FROM audit_entry WHERE event_key = ?", ENTRY, eventKey);
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
        }
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String previous = (String) head.get("last_hash");
        String a = cut(actor, 200);
        String act = cut(action, 100);
        String sub = cut(subject, 500);
        String b = cut(before, MAX_STATE_CHARS);
        String af = cut(after, MAX_STATE_CHARS);
        Instant occurred = AuditHashing.storable(occurredAt);
        Instant recorded = AuditHashing.storable(recordedAt);
        AuditKey key = keys.current();
        String link = AuditHashing.mac(key, previous, seq, a, occurred, act, sub, b, af);
        jdbc.update("INSERT INTO audit_entry (seq, actor, occurred_at, recorded_at, action, subject, before_state, "
                        + "after_state, previous_hash, hash, key_id, event_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, a, Timestamp.from(occurred), Timestamp.from(recorded), act, sub, b, af, previous, link,
                key.id(), eventKey);
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, link);
        return new AuditEntry(seq, a, occurred, recorded, act, sub, b, af, previous, link, key.id());
    }

    /** The chain's tip as the head row records it: the last sequence number (0 when empty) and its link. */
    public Head head() {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
        return new Head(((Number) head.get("last_seq")).longValue(), (String) head.get("last_hash"));
    }

    /** The stored link of entry {@code seq}, empty when there is no such entry. */
    public Optional<String> linkOf(long seq) {
        return jdbc.query("SELECT hash FROM audit_entry WHERE seq = ?", (rs, row) -> rs.getString(1), seq)
                .stream().findFirst();
    }

    /** The keys this store signs and verifies with. */
    public AuditKeyRing keys() {
        return keys;
    }

    /** A chain tip: the last entry's sequence number and link. */
    public record Head(long seq, String hash) {
    }

    /** Entries matching the filter, newest first, at most {@code limit}. */
    public List<AuditEntry> search(AuditFilter filter, int limit, boolean newestFirst) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_entry WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        like(sql, args, "actor", filter.actor());
        like(sql, args, "action", filter.action());
        if (filter.subject() != null && !filter.subject().isBlank()) {
            String subject = filter.subject().strip().toLowerCase(Locale.ROOT);
            if (subject.matches("release:\\d+")) {
                // A release's own entries and those of its items and sign-offs, but not release:12 for release:1.
                sql.append(" AND (LOWER(subject) = ? OR LOWER(subject) LIKE ?)");
                args.add(subject);
                args.add(subject + "/%");
            } else {
                like(sql, args, "subject", subject);
            }
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        sql.append(newestFirst ? " ORDER BY seq DESC" : " ORDER BY seq ASC");
        return jdbc.query(con -> {
            var ps = con.prepareStatement(sql.toString());
            ps.setMaxRows(limit);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, ENTRY);
    }

    /**
     * Walks the whole chain in order and returns the first entry that does not fit. Signed entries are checked
     * with the key their key id names; entries without a key id (written before keyed links) with the plain hash,
     * and only before the first signed entry.
     */
    public AuditVerification verify() {
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicReference<String> previous = new AtomicReference<>(AuditHashing.GENESIS);
        AtomicReference<BrokenEntry> broken = new AtomicReference<>();
        AtomicLong checked = new AtomicLong();
        AtomicLong unsigned = new AtomicLong();
        Map<String, Long> byKey = new TreeMap<>();
        Set<String> missing = new TreeSet<>();
        jdbc.query("SELECT * FROM audit_entry ORDER BY seq ASC", (ResultSet rs) -> {
            if (broken.get() != null) {
                return;
            }
            AuditEntry e = entry(rs, 0);
            checked.incrementAndGet();
            String problem = problem(e, expectedSeq.get(), previous.get(), !byKey.isEmpty(), missing);
            if (problem != null) {
                broken.set(new BrokenEntry(e.seq() != expectedSeq.get() ? expectedSeq.get() : e.seq(), problem));
                return;
            }
            if (e.signed()) {
                byKey.merge(e.keyId(), 1L, Long::sum);
            } else {
                unsigned.incrementAndGet();
            }
            expectedSeq.incrementAndGet();
            previous.set(e.hash());
        });
        if (broken.get() == null) {
            Head head = head();
            if (head.seq() != expectedSeq.get() - 1) {
                broken.set(new BrokenEntry(expectedSeq.get(), "the chain's tip is entry " + head.seq()
                        + " but the last stored entry is " + (expectedSeq.get() - 1)));
            } else if (!head.hash().equals(previous.get())) {
                broken.set(new BrokenEntry(head.seq(), "its hash does not match the chain's recorded tip"));
            }
        }
        return new AuditVerification(checked.get(), Optional.ofNullable(broken.get()), unsigned.get(), byKey,
                missing, keys.current().id(), Optional.empty());
    }

    /** What is wrong with the entry at this place of the chain, or null; records a key id it has no key for. */
    private String problem(AuditEntry e, long expectedSeq, String previous, boolean signedBefore,
                           Set<String> missing) {
        if (e.seq() != expectedSeq) {
            return "entry " + expectedSeq + " is missing";
        }
        if (!e.previousHash().equals(previous)) {
            return "its previous hash does not match the hash of entry " + (e.seq() - 1);
        }
        if (!e.signed()) {
            if (signedBefore) {
                return "it has no key id (unsigned) but follows signed entries; unsigned entries are only accepted "
                        + "before the first signed one";
            }
            return e.hash().equals(AuditHashing.hash(e.previousHash(), e.seq(), e.actor(), e.occurredAt(),
                    e.action(), e.subject(), e.before(), e.after())) ? null : "its content does not match its hash";
        }
        Optional<AuditKey> key = keys.find(e.keyId());
        if (key.isEmpty()) {
            missing.add(e.keyId());
            return null;
        }
        return AuditHashing.verifies(key.get(), e.hash(), e.previousHash(), e.seq(), e.actor(), e.occurredAt(),
                e.action(), e.subject(), e.before(), e.after()) ? null
                : "its content does not match its HMAC (key " + e.keyId() + ")";
    }

    private static void like(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND LOWER(").append(column).append(") LIKE ?");
            args.add("%" + value.strip().toLowerCase(Locale.ROOT) + "%");
        }
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 15) + " ...[truncated]";
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getString("actor"), instant(rs, "occurred_at"),
                instant(rs, "recorded_at"), rs.getString("action"), rs.getString("subject"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("previous_hash"),
                rs.getString("hash"), rs.getString("key_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
    }
}
