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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The audit tables, in plain JDBC: appends lock the single chain-head row ({@code SELECT ... FOR UPDATE}) so
 * exactly one writer at a time, in this or any other instance sharing the database, extends the chain.
 */
@Repository
public class AuditStore {

    /** Longest before/after text stored (the column's size); longer texts are cut and marked. */
    static final int MAX_STATE_CHARS = 8000;

    private static final RowMapper<AuditEntry> ENTRY = AuditStore::entry;

    private final JdbcTemplate jdbc;

    AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an entry at the chain's tip; the caller's transaction holds the head lock until it commits. */
    public AuditEntry append(String actor, Instant occurredAt, Instant recordedAt, String action, String subject,
                             String before, String after) {
        Map<String, Object> head = jdbc.queryForMap(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("last_seq")).longValue() + 1;
        String previous = (String) head.get("last_hash");
        String a = cut(actor, 200);
        String act = cut(action, 100);
        String sub = cut(subject, 500);
        String b = cut(before, MAX_STATE_CHARS);
        String af = cut(after, MAX_STATE_CHARS);
        Instant occurred = AuditHashing.storable(occurredAt);
        Instant recorded = AuditHashing.storable(recordedAt);
        String hash = AuditHashing.hash(previous, seq, a, occurred, act, sub, b, af);
        jdbc.update("INSERT INTO audit_entry (seq, actor, occurred_at, recorded_at, action, subject, before_state, "
                        + "after_state, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                seq, a, Timestamp.from(occurred), Timestamp.from(recorded), act, sub, b, af, previous, hash);
        jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
        return new AuditEntry(seq, a, occurred, recorded, act, sub, b, af, previous, hash);
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

    /** Walks the whole chain in order and returns the first entry that does not fit. */
    public AuditVerification verify() {
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicReference<String> previous = new AtomicReference<>(AuditHashing.GENESIS);
        AtomicReference<BrokenEntry> broken = new AtomicReference<>();
        AtomicLong checked = new AtomicLong();
        jdbc.query("SELECT * FROM audit_entry ORDER BY seq ASC", (ResultSet rs) -> {
            if (broken.get() != null) {
                return;
            }
            AuditEntry e = entry(rs, 0);
            checked.incrementAndGet();
            if (e.seq() != expectedSeq.get()) {
                broken.set(new BrokenEntry(expectedSeq.get(), "entry " + expectedSeq.get() + " is missing"));
            } else if (!e.previousHash().equals(previous.get())) {
                broken.set(new BrokenEntry(e.seq(), "its previous hash does not match the hash of entry "
                        + (e.seq() - 1)));
            } else if (!e.hash().equals(AuditHashing.hash(e.previousHash(), e.seq(), e.actor(), e.occurredAt(),
                    e.action(), e.subject(), e.before(), e.after()))) {
                broken.set(new BrokenEntry(e.seq(), "its content does not match its hash"));
            }
            expectedSeq.incrementAndGet();
            previous.set(e.hash());
        });
        if (broken.get() == null) {
            Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
            long lastSeq = ((Number) head.get("last_seq")).longValue();
            if (lastSeq != expectedSeq.get() - 1) {
                broken.set(new BrokenEntry(expectedSeq.get(), "the chain's tip is entry " + lastSeq
                        + " but the last stored entry is " + (expectedSeq.get() - 1)));
            } else if (!head.get("last_hash").equals(previous.get())) {
                broken.set(new BrokenEntry(lastSeq, "its hash does not match the chain's recorded tip"));
            }
        }
        return new AuditVerification(checked.get(), Optional.ofNullable(broken.get()));
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
                rs.getString("hash"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
    }
}
