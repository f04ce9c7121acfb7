package dev.safespeak.flink;

import dev.safespeak.moderation.ListEntry;
import dev.safespeak.moderation.engine.TenantLists;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The streaming job's operator, keyed by tenant: scores each message with its tenant's block and allow lists into a
 * result line that names the tenant and the list terms that matched; rejected messages go to
 * {@link ScoreFunction#REJECTED}. The model (shared by the TaskManager's slots) is loaded and the lists,
 * read by the job's client and shipped with the job, are compiled in open.
 */
public final class TenantScoreFunction extends KeyedProcessFunction<String, Message, String> {

    private static final long serialVersionUID = 1L;

    private final String modelPath;
    /** The lists file's text, checked by the job's client ({@link TenantListsFile#load}), or null for none. */
    private final String listsJson;
    private final String listsLocation;
    private transient RecordScorer scorer;
    private transient Map<String, TenantLists> lists;
    private transient ScoringMetrics metrics;

    public TenantScoreFunction(String modelPath, String listsJson, String listsLocation) {
        this.modelPath = modelPath;
        this.listsJson = listsJson;
        this.listsLocation = listsLocation;
    }

    @Override
    public void open(OpenContext context) throws Exception {
        scorer = RecordScorer.shared(modelPath);
        lists = new HashMap<>();
        if (listsJson != null) {
            for (Map.Entry<String, List<ListEntry>> e : TenantListsFile.parse(listsJson, listsLocation).entrySet()) {
                lists.put(e.getKey(), scorer.engine().compile(e.getValue()));
            }
        }
        metrics = new ScoringMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(Message message, Context ctx, Collector<String> out) {
        long started = System.nanoTime();
        InputLine line = message.input();
        RecordScorer.Outcome outcome = scorer.score(line, lists.getOrDefault(message.tenant(), TenantLists.EMPTY));
        if (outcome.rejected()) {
            metrics.rejected();
            ctx.output(ScoreFunction.REJECTED, RecordScorer.rejectionLine(line, outcome.error(), message.tenant()));
            return;
        }
        out.collect(scorer.tenantResultLine(outcome, message.tenant()));
        metrics.scored(outcome.score().flagged().containsValue(true), System.nanoTime() - started);
    }
}
