package dev.safespeak.apikey.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared usage counters in {@code api_key_usage}: one row per key, limit kind and time bucket. A lease adds an
 * amount to the counter of the current bucket only if the sum over the window (the buckets from {@code from} up to
 * the current one) stays within the limit. The condition is checked on the current bucket's row under its row lock
 * (a concurrent UPDATE re-checks it on the committed row, on H2 and PostgreSQL), and the earlier buckets of the
 * window are no longer leased from, only handed back to, so their sum can only fall: all instances' leases
 * together never exceed the limit in any window. On PostgreSQL a lease is one round trip
 * ({@code INSERT ... SELECT ... WHERE ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING}); elsewhere (H2, embedded,
 * no network) an UPDATE, a SELECT and, for a new bucket, an INSERT. Runs outside any transaction so each statement
 * commits at once and holds its row lock only for its own duration.
 */
public class UsageLeases {

    private static final String EARLIER = "(SELECT COALESCE(SUM(p.used), 0) FROM api_key_usage p WHERE p.key_id = ?"
            + " AND p.window_kind = ? AND p.window_start >= ? AND p.window_start < ?)";

    private static final String UPSERT = "INSERT INTO api_key_usage (key_id, window_kind, window_start, used)"
            + " SELECT CAST(? AS BIGINT), CAST(? AS VARCHAR(10)), CAST(? AS BIGINT), CAST(? AS BIGINT)"
            + " WHERE " + EARLIER + " + ? <= ?"
            + " ON CONFLICT (key_id, window_kind, window_start)"
            + " DO UPDATE SET used = api_key_usage.used + EXCLUDED.used"
            + " WHERE api_key_usage.used + EXCLUDED.used + " + EARLIER + " <= ?"
            + " RETURNING used + " + EARLIER;

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public UsageLeases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            known = product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgresql");
            postgres = known;
        }
        return known;
    }

    /**
     * Adds {@code amount} to the counter of bucket {@code bucket} if the sum of the counters of buckets
     * {@code from..bucket} stays at most {@code limit}.
     *
     * @return the sum over those buckets after the lease (all instances' leases), or -1 when the lease would exceed
     *         the limit
     */
    public long lease(long keyId, String kind, long bucket, long from, long amount, long limit) {
        if (amount > limit) {
            return -1;
        }
        if (postgres()) {
            List<Long> after = jdbc.queryForList(UPSERT, Long.class, keyId, kind, bucket, amount,
                    keyId, kind, from, bucket, amount, limit,
                    keyId, kind, from, bucket, limit,
                    keyId, kind, from, bucket);
            return after.isEmpty() ? -1 : after.get(0);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update("UPDATE api_key_usage SET used = used + ? WHERE key_id = ? AND window_kind = ?"
                    + " AND window_start = ? AND used + ? + " + EARLIER + " <= ?", amount, keyId, kind, bucket,
                    amount, keyId, kind, from, bucket, limit);
            if (updated == 1) {
                return sum(keyId, kind, from, bucket);
            }
            if (used(keyId, kind, bucket) != null) {
                return -1;
            }
            long earlier = sum(keyId, kind, from, bucket - 1);
            if (earlier + amount > limit) {
                return -1;
            }
            try {
                jdbc.update("INSERT INTO api_key_usage (key_id, window_kind, window_start, used) VALUES (?, ?, ?, ?)",
                        keyId, kind, bucket, amount);
                return earlier + amount;
            } catch (DuplicateKeyException e) {
                // another instance created the row first: go round and lease from it
            }
        }
        return -1;
    }

    /**
     * Adds {@code amount} (negative to hand back an unused lease) to the counter of a bucket whatever the limit:
     * what an instance let through on its own while the database was unavailable, written back once it is
     * available again, or what it leased and did not use.
     */
    public void add(long keyId, String kind, long bucket, long amount) {
        if (amount <= 0) {
            jdbc.update("UPDATE api_key_usage SET used = GREATEST(0, used + ?) WHERE key_id = ? AND window_kind = ?"
                    + " AND window_start = ?", amount, keyId, kind, bucket);
            return;
        }
        if (postgres()) {
            jdbc.update("INSERT INTO api_key_usage (key_id, window_kind, window_start, used)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (key_id, window_kind, window_start)"
                    + " DO UPDATE SET used = api_key_usage.used + EXCLUDED.used", keyId, kind, bucket, amount);
            return;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update("UPDATE api_key_usage SET used = used + ? WHERE key_id = ? AND window_kind = ?"
                    + " AND window_start = ?", amount, keyId, kind, bucket);
            if (updated == 1) {
                return;
            }
            try {
                jdbc.update("INSERT INTO api_key_usage (key_id, window_kind, window_start, used) VALUES (?, ?, ?, ?)",
                        keyId, kind, bucket, amount);
                return;
            } catch (DuplicateKeyException e) {
                // another instance created the row first: go round and add to it
            }
        }
        throw new IllegalStateException("could not add to the usage counter of key " + keyId);
    }

    /** The counter of one bucket, or null when nobody leased from it yet. */
    public Long used(long keyId, String kind, long bucket) {
        List<Long> rows = jdbc.queryForList("SELECT used FROM api_key_usage WHERE key_id = ? AND window_kind = ?"
                + " AND window_start = ?", Long.class, keyId, kind, bucket);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The sum of the counters of buckets {@code from..to}. */
    public long sum(long keyId, String kind, long from, long to) {
        List<Long> rows = jdbc.queryForList("SELECT COALESCE(SUM(used), 0) FROM api_key_usage WHERE key_id = ?"
                + " AND window_kind = ? AND window_start >= ? AND window_start <= ?", Long.class, keyId, kind, from, to);
        return rows.isEmpty() || rows.get(0) == null ? 0 : rows.get(0);
    }

    /** The non-zero counters of buckets {@code from..to}, by bucket. */
    public Map<Long, Long> counters(long keyId, String kind, long from, long to) {
        Map<Long, Long> counters = new TreeMap<>();
        jdbc.query("SELECT window_start, used FROM api_key_usage WHERE key_id = ? AND window_kind = ?"
                + " AND window_start >= ? AND window_start <= ? AND used > 0", rs -> {
                    counters.put(rs.getLong(1), rs.getLong(2));
                }, keyId, kind, from, to);
        return counters;
    }

    /** Deletes the counters of buckets before {@code bucket}. */
    public int deleteBefore(String kind, long bucket) {
        return jdbc.update("DELETE FROM api_key_usage WHERE window_kind = ? AND window_start < ?", kind, bucket);
    }

    /** Deletes every counter that is not of one of the given kinds (counters of an earlier version's windows). */
    public int deleteOtherKinds(String first, String second) {
        return jdbc.update("DELETE FROM api_key_usage WHERE window_kind <> ? AND window_kind <> ?", first, second);
    }
}
