package dev.safespeak.apikey.internal;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shared usage counters in {@code api_key_usage}. A lease adds an amount to a window's counter only if the
 * counter stays within the limit; the conditional UPDATE is atomic on H2 and PostgreSQL (the row lock makes a
 * concurrent UPDATE re-check the condition), so the sum of all instances' leases never exceeds the limit. On
 * PostgreSQL a lease is one round trip: {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE ... RETURNING}, which
 * PostgreSQL runs atomically (the conflicting row is locked and the condition checked on its latest version);
 * elsewhere (H2, embedded, no network) an UPDATE, a SELECT and, for a new window, an INSERT. Runs outside any
 * transaction so each statement commits at once and holds its row lock only for its own duration.
 */
public class UsageLeases {

    private static final String UPSERT = "INSERT INTO api_key_usage (key_id, window_kind, window_start, used)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (key_id, window_kind, window_start)"
            + " DO UPDATE SET used = api_key_usage.used + EXCLUDED.used"
            + " WHERE api_key_usage.used + EXCLUDED.used <= ? RETURNING used";

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
     * Adds {@code amount} to the counter of a window if it stays at most {@code limit}.
     *
     * @return the counter after the lease (all instances' leases), or -1 when the lease would exceed the limit
     */
    public long lease(long keyId, String kind, long windowStart, long amount, long limit) {
        if (amount > limit) {
            return -1;
        }
        if (postgres()) {
            List<Long> after = jdbc.queryForList(UPSERT, Long.class, keyId, kind, windowStart, amount, limit);
            return after.isEmpty() ? -1 : after.get(0);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update("UPDATE api_key_usage SET used = used + ? WHERE key_id = ? AND window_kind = ?"
                    + " AND window_start = ? AND used + ? <= ?", amount, keyId, kind, windowStart, amount, limit);
            if (updated == 1) {
                Long used = used(keyId, kind, windowStart);
                return used == null ? amount : used;
            }
            if (used(keyId, kind, windowStart) != null) {
                return -1;
            }
            try {
                jdbc.update("INSERT INTO api_key_usage (key_id, window_kind, window_start, used) VALUES (?, ?, ?, ?)",
                        keyId, kind, windowStart, amount);
                return amount;
            } catch (DuplicateKeyException e) {
                // another instance created the row first: go round and lease from it
            }
        }
        return -1;
    }

    /**
     * Adds {@code amount} to the counter of a window whatever the limit: what an instance let through on its own
     * while the database was unavailable, written back once it is available again.
     *
     * @return the counter after the addition
     */
    public long add(long keyId, String kind, long windowStart, long amount) {
        if (postgres()) {
            return jdbc.queryForObject("INSERT INTO api_key_usage (key_id, window_kind, window_start, used)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (key_id, window_kind, window_start)"
                    + " DO UPDATE SET used = api_key_usage.used + EXCLUDED.used RETURNING used", Long.class,
                    keyId, kind, windowStart, amount);
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            int updated = jdbc.update("UPDATE api_key_usage SET used = used + ? WHERE key_id = ? AND window_kind = ?"
                    + " AND window_start = ?", amount, keyId, kind, windowStart);
            if (updated == 1) {
                Long used = used(keyId, kind, windowStart);
                return used == null ? amount : used;
            }
            try {
                jdbc.update("INSERT INTO api_key_usage (key_id, window_kind, window_start, used) VALUES (?, ?, ?, ?)",
                        keyId, kind, windowStart, amount);
                return amount;
            } catch (DuplicateKeyException e) {
                // another instance created the row first: go round and add to it
            }
        }
        throw new IllegalStateException("could not add to the usage counter of key " + keyId);
    }

    /** The counter of a window, or null when nobody leased from it yet. */
    public Long used(long keyId, String kind, long windowStart) {
        List<Long> rows = jdbc.queryForList("SELECT used FROM api_key_usage WHERE key_id = ? AND window_kind = ?"
                + " AND window_start = ?", Long.class, keyId, kind, windowStart);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Deletes the counters of windows that started before the given starts. */
    public int deleteBefore(String kind, long windowStart) {
        return jdbc.update("DELETE FROM api_key_usage WHERE window_kind = ? AND window_start < ?", kind, windowStart);
    }
}
