package dev.safespeak.evidence.internal;

import dev.safespeak.evidence.CheckRun;
import dev.safespeak.evidence.EvidenceAlert;
import dev.safespeak.evidence.SuccessCriterion;
import dev.safespeak.evidence.Waiver;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Check runs, waivers, manual evidence and alerts of the evidence module. */
@Repository
public class EvidenceStore {

    /** Manual evidence for a criterion. */
    public record Manual(long id, long releaseId, SuccessCriterion criterion, String link, String note, boolean passed,
                         String recordedBy, Instant recordedAt) {
    }

    private final JdbcTemplate jdbc;

    public EvidenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored operator switch ({@code evidence_setting}), empty when never set. */
    public Optional<String> setting(String name) {
        return jdbc.query("SELECT setting FROM evidence_setting WHERE name = ?", (rs, i) -> rs.getString(1), name)
                .stream().findFirst();
    }

    /** Stores an operator switch, replacing its previous value. */
    public void saveSetting(String name, String value, String changedBy, Instant at) {
        int updated = jdbc.update("UPDATE evidence_setting SET setting = ?, changed_by = ?, changed_at = ? WHERE name = ?",
                value, changedBy, Timestamp.from(at), name);
        if (updated == 0) {
            jdbc.update("INSERT INTO evidence_setting (name, setting, changed_by, changed_at) VALUES (?,?,?,?)",
                    name, value, changedBy, Timestamp.from(at));
        }
    }

    public CheckRun insertCheckRun(String name, boolean passed, String details, long durationMillis, Instant at,
                                   String triggeredBy) {
        return insertCheckRun(name, passed, details, durationMillis, at, triggeredBy, null);
    }

    /** Stores a run; {@code itemId} names the item it was started from, null for scheduled and page runs. */
    public CheckRun insertCheckRun(String name, boolean passed, String details, long durationMillis, Instant at,
                                   String triggeredBy, Long itemId) {
        long id = insert("INSERT INTO evidence_check_run (check_name, passed, details, duration_millis, ran_at,"
                + " triggered_by, item_id) VALUES (?,?,?,?,?,?,?)", ps -> {
            ps.setString(1, name);
            ps.setBoolean(2, passed);
            ps.setString(3, details);
            ps.setLong(4, durationMillis);
            ps.setTimestamp(5, Timestamp.from(at));
            ps.setString(6, triggeredBy);
            ps.setObject(7, itemId, java.sql.Types.BIGINT);
        });
        return new CheckRun(id, name, passed, details, durationMillis, at, triggeredBy);
    }

    /** The newest runs started from an item, newest first. */
    public List<CheckRun> checkRunsOfItem(long itemId, int limit) {
        return jdbc.query("SELECT id, check_name, passed, details, duration_millis, ran_at, triggered_by"
                        + " FROM evidence_check_run WHERE item_id = ? ORDER BY ran_at DESC, id DESC FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY",
                (rs, i) -> new CheckRun(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), itemId);
    }

    /** The newest runs of a check, newest first. */
    public List<CheckRun> checkRuns(String name, int limit) {
        return jdbc.query("SELECT id, check_name, passed, details, duration_millis, ran_at, triggered_by"
                        + " FROM evidence_check_run WHERE check_name = ? ORDER BY ran_at DESC, id DESC FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY",
                (rs, i) -> new CheckRun(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), name);
    }

    public Waiver insertWaiver(long releaseId, SuccessCriterion criterion, String reason, String by, Instant at) {
        long id = insert("INSERT INTO evidence_waiver (release_id, criterion, reason, waived_by, waived_at)"
                + " VALUES (?,?,?,?,?)", ps -> {
            ps.setLong(1, releaseId);
            ps.setString(2, criterion.name());
            ps.setString(3, reason);
            ps.setString(4, by);
            ps.setTimestamp(5, Timestamp.from(at));
        });
        return new Waiver(id, releaseId, criterion, reason, by, at);
    }

    public int revokeWaivers(long releaseId, SuccessCriterion criterion, Instant at) {
        return jdbc.update("UPDATE evidence_waiver SET revoked_at = ? WHERE release_id = ? AND criterion = ?"
                + " AND revoked_at IS NULL", Timestamp.from(at), releaseId, criterion.name());
    }

    /** The waivers in force for a release. */
    public List<Waiver> waivers(long releaseId) {
        return jdbc.query("SELECT id, release_id, criterion, reason, waived_by, waived_at FROM evidence_waiver"
                        + " WHERE release_id = ? AND revoked_at IS NULL ORDER BY waived_at",
                (rs, i) -> new Waiver(rs.getLong(1), rs.getLong(2), SuccessCriterion.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()), releaseId);
    }

    public Manual insertManual(long releaseId, SuccessCriterion criterion, String link, String note, boolean passed,
                               String by, Instant at) {
        long id = insert("INSERT INTO evidence_manual (release_id, criterion, link, note, passed, recorded_by,"
                + " recorded_at) VALUES (?,?,?,?,?,?,?)", ps -> {
            ps.setLong(1, releaseId);
            ps.setString(2, criterion.name());
            ps.setString(3, link);
            ps.setString(4, note);
            ps.setBoolean(5, passed);
            ps.setString(6, by);
            ps.setTimestamp(7, Timestamp.from(at));
        });
        return new Manual(id, releaseId, criterion, link, note, passed, by, at);
    }

    /** The newest manual evidence for a criterion: of the release when given, else of any release. */
    public Optional<Manual> latestManual(Long releaseId, SuccessCriterion criterion) {
        String where = releaseId == null ? "criterion = ?" : "criterion = ? AND release_id = " + releaseId;
        return jdbc.query("SELECT id, release_id, criterion, link, note, passed, recorded_by, recorded_at"
                        + " FROM evidence_manual WHERE " + where + " ORDER BY recorded_at DESC, id DESC"
                        + " FETCH FIRST 1 ROWS ONLY",
                (rs, i) -> new Manual(rs.getLong(1), rs.getLong(2), SuccessCriterion.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()), criterion.name()).stream().findFirst();
    }

    public EvidenceAlert insertAlert(EvidenceAlert.Kind kind, String message, Instant at) {
        long id = insert("INSERT INTO evidence_alert (kind, message, raised_at) VALUES (?,?,?)", ps -> {
            ps.setString(1, kind.name());
            ps.setString(2, message);
            ps.setTimestamp(3, Timestamp.from(at));
        });
        return new EvidenceAlert(id, kind, message, at);
    }

    public List<EvidenceAlert> openAlerts() {
        return jdbc.query("SELECT id, kind, message, raised_at FROM evidence_alert WHERE resolved_at IS NULL"
                        + " ORDER BY raised_at DESC",
                (rs, i) -> new EvidenceAlert(rs.getLong(1), EvidenceAlert.Kind.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant()));
    }

    public int resolveAlert(long id, String by, Instant at) {
        return jdbc.update("UPDATE evidence_alert SET resolved_at = ?, resolved_by = ? WHERE id = ?"
                + " AND resolved_at IS NULL", Timestamp.from(at), by, id);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws java.sql.SQLException;
    }

    private long insert(String sql, Binder binder) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement(sql, new String[] {"id"});
            binder.bind(ps);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
