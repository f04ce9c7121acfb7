package dev.safespeak.evidence;

import dev.safespeak.base.BusinessException;
import dev.safespeak.evidence.internal.ActiveModel;
import dev.safespeak.evidence.internal.EvaluationCsv;
import dev.safespeak.evidence.internal.EvaluationRunRepository;
import dev.safespeak.evidence.internal.EvidenceProperties;
import dev.safespeak.evidence.internal.LiveTrafficRecorder;
import dev.safespeak.evidence.internal.Psi;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ModerationRequest;
import dev.safespeak.moderation.ModerationResult;
import dev.safespeak.moderation.ModerationService;
import dev.safespeak.moderation.TextScore;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Evaluates a model version on a labelled evaluation set chosen by the QA lead (an uploaded CSV, or the file
 * configured in {@code safespeak.evidence.checks.evaluation-set-path}); the result is the model-accuracy criterion
 * and the baseline that drift is measured against.
 */
@Service
public class EvaluationService {

    private static final int CHUNK = 100;

    private final ModerationService moderation;
    private final EvaluationRunRepository runs;
    private final ActiveModel activeModel;
    private final EvidenceProperties properties;
    private final Clock clock;

    public EvaluationService(ModerationService moderation, EvaluationRunRepository runs, ActiveModel activeModel,
                             EvidenceProperties properties, Clock clock) {
        this.moderation = moderation;
        this.runs = runs;
        this.activeModel = activeModel;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the signed-in user may evaluate the active model on an uploaded set: the QA lead or an admin. */
    public boolean canEvaluate() {
        return CurrentUser.get().map(EvaluationService::mayEvaluate).orElse(false);
    }

    /** Evaluates the active model on an uploaded CSV; QA lead or admin only. */
    public EvaluationRun evaluateCsv(String datasetName, Reader csv) throws IOException {
        CurrentUser user = requireQa();
        return evaluate(datasetName, EvaluationCsv.read(csv), user.username());
    }

    /** Evaluates the active model on the configured evaluation set file, as {@code actor}. */
    public Optional<EvaluationRun> evaluateConfiguredSet(String actor) throws IOException {
        String path = properties.checks().evaluationSetPath();
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        Path file = Path.of(path);
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("evaluation set " + path + " is not a readable file");
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(evaluate(file.getFileName().toString(), EvaluationCsv.read(reader), actor));
        }
    }

    /** Scores every text with the active model and compares the flags with the labels. */
    public EvaluationRun evaluate(String datasetName, List<LabelledText> set, String actor) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("the evaluation set is empty");
        }
        Map<Attribute, int[]> perAttribute = new EnumMap<>(Attribute.class);
        Map<String, Long> scoreBaseline = new TreeMap<>();
        Map<String, Long> languageBaseline = new TreeMap<>();
        String modelVersion = null;
        for (int from = 0; from < set.size(); from += CHUNK) {
            List<LabelledText> chunk = set.subList(from, Math.min(set.size(), from + CHUNK));
            List<String> texts = chunk.stream().map(LabelledText::text).toList();
            ModerationRequest request = new ModerationRequest(texts, Set.of(), List.of(), false, Map.of(), null, null);
            ModerationResult result = LiveTrafficRecorder.unobserved(() -> moderation.moderate(request));
            modelVersion = result.modelVersion();
            for (int i = 0; i < chunk.size(); i++) {
                TextScore score = result.results().get(i);
                languageBaseline.merge(score.language() == null ? "und" : score.language().code(), 1L, Long::sum);
                score.scores().forEach((attribute, value) -> {
                    if (value != null && !value.isNaN()) {
                        scoreBaseline.merge(attribute.name() + ":" + Psi.scoreBin(value), 1L, Long::sum);
                    }
                });
                for (Map.Entry<Attribute, Boolean> label : chunk.get(i).labels().entrySet()) {
                    Boolean flagged = score.flagged().get(label.getKey());
                    if (flagged == null) {
                        continue;
                    }
                    int[] counts = perAttribute.computeIfAbsent(label.getKey(), a -> new int[2]);
                    counts[1]++;
                    if (flagged.equals(label.getValue())) {
                        counts[0]++;
                    }
                }
            }
        }
        int correct = 0;
        int total = 0;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Attribute, int[]> e : perAttribute.entrySet()) {
            correct += e.getValue()[0];
            total += e.getValue()[1];
            parts.add(String.format(java.util.Locale.ROOT, "%s %.1f%% (%d/%d)", e.getKey(),
                    100.0 * e.getValue()[0] / e.getValue()[1], e.getValue()[0], e.getValue()[1]));
        }
        if (total == 0) {
            throw new IllegalArgumentException("no label of the evaluation set matches an attribute the model scores");
        }
        double accuracy = (double) correct / total;
        String details = String.format(java.util.Locale.ROOT, "%d texts, %d labelled pairs, %d agree; ", set.size(),
                total, correct) + String.join(", ", parts);
        EvaluationRun run = new EvaluationRun(0, modelVersion == null ? "unknown" : modelVersion, datasetName,
                set.size(), accuracy, details, clock.instant(), actor);
        long id = runs.insert(run, scoreBaseline, languageBaseline);
        return new EvaluationRun(id, run.modelVersion(), run.dataset(), run.texts(), run.accuracy(), run.details(),
                run.ranAt(), run.triggeredBy());
    }

    /** The newest evaluation run of the active model (or of any model while the active one is unknown). */
    public Optional<EvaluationRun> latestForActiveModel() {
        return runs.latest(activeModel.version().orElse(null)).map(EvaluationRunRepository.Stored::run);
    }

    private static CurrentUser requireQa() {
        CurrentUser user = CurrentUser.require();
        if (!mayEvaluate(user)) {
            throw BusinessException.forbidden("Only the QA lead or an admin can run an evaluation");
        }
        return user;
    }

    private static boolean mayEvaluate(CurrentUser user) {
        return user.has(Role.QA_LEAD) || user.has(Role.ADMIN);
    }
}
