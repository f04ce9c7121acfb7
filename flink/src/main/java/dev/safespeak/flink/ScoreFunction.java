package dev.safespeak.flink;

import dev.safespeak.moderation.engine.TenantLists;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The bounded job's operator: scores each line into a result line; rejected records go to {@link #REJECTED} and
 * every record's contribution to the summary to {@link #TALLY}. The model is loaded in open, once per TaskManager
 * (its slots share it; see {@link RecordScorer#shared}).
 */
public final class ScoreFunction extends ProcessFunction<InputLine, String> {

    private static final long serialVersionUID = 1L;

    /** Rejected records as JSON lines {@code {line, error, record}}. */
    public static final OutputTag<String> REJECTED = new OutputTag<>("rejected") { };
    /** Each record's contribution to the summary. */
    public static final OutputTag<Tally> TALLY = new OutputTag<>("tally") { };

    private final String modelPath;
    private transient RecordScorer scorer;
    private transient ScoringMetrics metrics;

    public ScoreFunction(String modelPath) {
        this.modelPath = modelPath;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        scorer = RecordScorer.shared(modelPath);
        metrics = new ScoringMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(InputLine line, Context ctx, Collector<String> out) {
        long started = System.nanoTime();
        RecordScorer.Outcome outcome = scorer.score(line, TenantLists.EMPTY);
        if (outcome.rejected()) {
            metrics.rejected();
            ctx.output(REJECTED, RecordScorer.rejectionLine(line, outcome.error(), null));
            ctx.output(TALLY, Tally.rejectedRecord());
            return;
        }
        Tally tally = Tally.of(outcome.score());
        out.collect(scorer.resultLine(outcome));
        metrics.scored(tally.flaggedMask() != 0, System.nanoTime() - started);
        ctx.output(TALLY, tally);
    }
}
