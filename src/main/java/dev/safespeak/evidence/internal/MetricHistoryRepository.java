package dev.safespeak.evidence.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metric history: raw samples (resolution below 60 s), one-minute and one-hour rollups. Counter rows hold the
 * increase over their interval, so a window's total is the sum of its rows over all instances. Reads cascade from
 * coarse to fine resolution, so the newest part of a window that is not rolled up yet comes from finer rows.
 */
@Repository
public class MetricHistoryRepository {

    /** Resolution of one-minute rollups, in seconds. */
    public static final int MINUTE = 60;
    /** Resolution of one-hour rollups, in seconds. */
    public static final int HOUR = 3600;

    /** One stored sample: the increase of {@code metric{tag}} over the interval ending (raw) or starting (rollup) at {@code at}. */
    public record Sample(String instanceId, Instant at, int resolutionSeconds, String metric, String tag, double value) {
    }

    /** One row read back: time, instance, tag and value. */
    public record Row(Instant at, String instanceId, String tag, double value) {
    }

    private final JdbcTemplate jdbc;

    public MetricHistoryRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void insert(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO evidence_metric_sample (instance_id, sampled_at, resolution_seconds, metric, tag,"
                        + " sample_value) VALUES (?, ?, ?, ?, ?, ?)", samples, 500, (ps, s) -> {
                    ps.setString(1, s.instanceId());
                    ps.setTimestamp(2, Timestamp.from(s.at()));
                    ps.setInt(3, s.resolutionSeconds());
                    ps.setString(4, s.metric());
                    ps.setString(5, s.tag());
                    ps.setDouble(6, s.value());
                });
    }

    /**
     * Rows of {@code metric} in {@code [from, to)} of all instances: hourly rollups first, then minute rollups after
     * the last hourly one, then raw samples after the last minute rollup. {@code coarsest} caps the resolution used.
     */
    public List<Row> rows(String metric, Instant from, Instant to, int coarsest) {
        List<Row> result = new ArrayList<>();
        Instant cursor = from;
        if (coarsest >= HOUR) {
            Instant hourEnd = watermark(metric, HOUR);
            if (hourEnd != null && hourEnd.isAfter(cursor)) {
                result.addAll(select(metric, HOUR, cursor, min(hourEnd, to)));
                cursor = min(hourEnd, to);
            }
        }
        if (coarsest >= MINUTE && cursor.isBefore(to)) {
            Instant minuteEnd = watermark(metric, MINUTE);
            if (minuteEnd != null && minuteEnd.isAfter(cursor)) {
                result.addAll(select(metric, MINUTE, cursor, min(minuteEnd, to)));
                cursor = min(minuteEnd, to);
            }
        }
        if (cursor.isBefore(to)) {
            result.addAll(jdbc.query("SELECT sampled_at, instance_id, tag, sample_value FROM evidence_metric_sample"
                            + " WHERE metric = ? AND resolution_seconds < ? AND sampled_at >= ? AND sampled_at < ?",
                    (rs, i) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getDouble(4)),
                    metric, MINUTE, Timestamp.from(cursor), Timestamp.from(to)));
        }
        return result;
    }

    private List<Row> select(String metric, int resolution, Instant from, Instant to) {
        return jdbc.query("SELECT sampled_at, instance_id, tag, sample_value FROM evidence_metric_sample"
                        + " WHERE metric = ? AND resolution_seconds = ? AND sampled_at >= ? AND sampled_at < ?",
                (rs, i) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getDouble(4)),
                metric, resolution, Timestamp.from(from), Timestamp.from(to));
    }

    /** The end of the newest rollup of {@code metric} at {@code resolution}, over all instances; null when none. */
    private Instant watermark(String metric, int resolution) {
        Timestamp last = jdbc.queryForObject("SELECT MAX(sampled_at) FROM evidence_metric_sample WHERE metric = ?"
                + " AND resolution_seconds = ?", Timestamp.class, metric, resolution);
        return last == null ? null : last.toInstant().plusSeconds(resolution);
    }

    /**
     * Rolls this instance's finer rows up into {@code resolution} buckets for every complete bucket after the last
     * one it rolled up and before {@code now}; at most {@code maxBuckets} per call. Returns the buckets written.
     */
    @Transactional
    public int rollUp(String instanceId, int resolution, Instant now, int maxBuckets) {
        boolean toMinutes = resolution == MINUTE;
        String finer = toMinutes ? "resolution_seconds < " + MINUTE : "resolution_seconds = " + MINUTE;
        Timestamp lastRollup = jdbc.queryForObject("SELECT MAX(sampled_at) FROM evidence_metric_sample WHERE"
                + " instance_id = ? AND resolution_seconds = ?", Timestamp.class, instanceId, resolution);
        Instant after = lastRollup == null ? Instant.EPOCH : lastRollup.toInstant().plusSeconds(resolution);
        Timestamp first = jdbc.queryForObject("SELECT MIN(sampled_at) FROM evidence_metric_sample WHERE"
                + " instance_id = ? AND " + finer + " AND sampled_at >= ?", Timestamp.class, instanceId,
                Timestamp.from(after));
        if (first == null) {
            return 0;
        }
        // Skips gaps (the instance was down) instead of walking through empty buckets.
        Instant start = truncate(first.toInstant(), resolution);
        Instant lastComplete = truncate(now, resolution);
        int written = 0;
        for (Instant bucket = start; bucket.isBefore(lastComplete) && written < maxBuckets;
             bucket = bucket.plusSeconds(resolution)) {
            jdbc.update("INSERT INTO evidence_metric_sample (instance_id, sampled_at, resolution_seconds, metric, tag,"
                            + " sample_value) SELECT instance_id, ?, ?, metric, tag, SUM(sample_value)"
                            + " FROM evidence_metric_sample WHERE instance_id = ? AND " + finer
                            + " AND sampled_at >= ? AND sampled_at < ? GROUP BY instance_id, metric, tag",
                    Timestamp.from(bucket), resolution, instanceId, Timestamp.from(bucket),
                    Timestamp.from(bucket.plusSeconds(resolution)));
            written++;
        }
        return written;
    }

    /** Deletes rows of {@code resolution} class older than {@code keep}; raw rows are those below one minute. */
    @Transactional
    public int deleteOlderThan(int resolution, Duration keep, Instant now) {
        String which = resolution < MINUTE ? "resolution_seconds < " + MINUTE : "resolution_seconds = " + resolution;
        return jdbc.update("DELETE FROM evidence_metric_sample WHERE " + which + " AND sampled_at < ?",
                Timestamp.from(now.minus(keep)));
    }

    static Instant truncate(Instant t, int resolution) {
        return resolution == HOUR ? t.truncatedTo(ChronoUnit.HOURS) : t.truncatedTo(ChronoUnit.MINUTES);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
