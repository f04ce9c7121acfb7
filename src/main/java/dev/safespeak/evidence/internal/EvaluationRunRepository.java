package dev.safespeak.evidence.internal;

import dev.safespeak.evidence.EvaluationRun;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stored evaluation runs with the score and language baselines drift is measured against. */
@Repository
public class EvaluationRunRepository {

    /** A run with its baselines: counts per {@code ATTRIBUTE:bin} and per language. */
    public record Stored(EvaluationRun run, Map<String, Long> scoreBaseline, Map<String, Long> languageBaseline) {
    }

    private static final String COLUMNS = "id, model_version, dataset, texts, accuracy, details, score_baseline,"
            + " language_baseline, ran_at, triggered_by";

    private final JdbcTemplate jdbc;

    public EvaluationRunRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(EvaluationRun run, Map<String, Long> scoreBaseline, Map<String, Long> languageBaseline) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO evidence_evaluation_run (model_version, dataset, texts, accuracy,"
                    + " details, score_baseline, language_baseline, ran_at, triggered_by) VALUES (?,?,?,?,?,?,?,?,?)",
                    new String[] {"id"});
            ps.setString(1, run.modelVersion());
            ps.setString(2, run.dataset());
            ps.setInt(3, run.texts());
            ps.setDouble(4, run.accuracy());
            ps.setString(5, run.details());
            ps.setString(6, encode(scoreBaseline));
            ps.setString(7, encode(languageBaseline));
            ps.setTimestamp(8, Timestamp.from(run.ranAt()));
            ps.setString(9, run.triggeredBy());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** The newest run, of {@code modelVersion} when given. */
    public Optional<Stored> latest(String modelVersion) {
        List<Stored> found = modelVersion == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM evidence_evaluation_run ORDER BY ran_at DESC, id DESC"
                + " FETCH FIRST 1 ROWS ONLY", this::map)
                : jdbc.query("SELECT " + COLUMNS + " FROM evidence_evaluation_run WHERE model_version = ?"
                + " ORDER BY ran_at DESC, id DESC FETCH FIRST 1 ROWS ONLY", this::map, modelVersion);
        return found.stream().findFirst();
    }

    /** Runs since {@code from}, oldest first. */
    public List<EvaluationRun> since(java.time.Instant from) {
        return jdbc.query("SELECT " + COLUMNS + " FROM evidence_evaluation_run WHERE ran_at >= ? ORDER BY ran_at",
                (rs, i) -> map(rs, i).run(), Timestamp.from(from));
    }

    private Stored map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        EvaluationRun run = new EvaluationRun(rs.getLong("id"), rs.getString("model_version"), rs.getString("dataset"),
                rs.getInt("texts"), rs.getDouble("accuracy"), rs.getString("details"),
                rs.getTimestamp("ran_at").toInstant(), rs.getString("triggered_by"));
        return new Stored(run, decode(rs.getString("score_baseline")), decode(rs.getString("language_baseline")));
    }

    static String encode(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(counts).forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    static Map<String, Long> decode(String text) {
        Map<String, Long> counts = new TreeMap<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        for (String pair : text.split(";")) {
            int eq = pair.lastIndexOf('=');
            counts.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        return counts;
    }
}
