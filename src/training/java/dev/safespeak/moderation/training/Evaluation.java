package dev.safespeak.moderation.training;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.AnalysedText;
import dev.safespeak.moderation.engine.Normaliser;
import dev.safespeak.moderation.engine.TokenContribution;
import dev.safespeak.moderation.engine.TribuoClassifier;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Evaluates a trained classifier on the test splits, the functional suite, identity bias and spans. */
final class Evaluation {

    /** Shared-task winners' macro-F1 on the official test split, where we found a published figure. */
    static final Map<String, String> WINNERS = Map.of(
            "olid/en/TOXICITY", "0.829 (OffensEval 2019 A, NULI)",
            "offenseval2020_tr/tr/TOXICITY", "0.826 (OffensEval 2020 Turkish)",
            "offenseval2020_da/da/TOXICITY", "0.812 (OffensEval 2020 Danish)",
            "offenseval2020_el/el/TOXICITY", "0.852 (OffensEval 2020 Greek)",
            "offenseval2020_ar/ar/TOXICITY", "0.902 (OffensEval 2020 Arabic)",
            "hateval/en/IDENTITY_ATTACK", "0.651 (HatEval 2019 A English)",
            "germeval2018/de/TOXICITY", "0.768 (GermEval 2018 coarse)",
            "hasoc_en/en/TOXICITY", "0.788 (HASOC 2019 English A)",
            "hasoc_de/de/TOXICITY", "0.616 (HASOC 2019 German A)",
            "hasoc_hi/hi/TOXICITY", "0.815 (HASOC 2019 Hindi A)");

    private final Map<String, Metrics> byDataset = new TreeMap<>();
    private final Map<String, Metrics> byLanguage = new TreeMap<>();
    private final Map<String, Metrics> byAttribute = new TreeMap<>();
    private final Map<String, double[]> functionalByBehaviour = new TreeMap<>();
    private final Map<String, double[]> functionalByLanguage = new TreeMap<>();
    private final Map<String, double[]> biasByGroup = new TreeMap<>();
    private final Map<String, double[]> biasByLanguage = new TreeMap<>();
    private final Map<String, Map<String, Object>> spans = new TreeMap<>();
    private final List<String> functionalFailures = new ArrayList<>();
    private final Map<String, Integer> failuresShown = new TreeMap<>();

    /** How many failing cases of each behaviour the report lists. */
    private static final int FAILURES_PER_BEHAVIOUR = 4;

    private Evaluation() {
    }

    static Evaluation run(TribuoClassifier classifier, Normaliser normaliser, List<LabelledText> examples, Path data,
                          Path functional) throws IOException {
        Evaluation e = new Evaluation();
        e.testSplits(classifier, normaliser, examples);
        if (Files.exists(functional)) {
            e.functional(classifier, normaliser, ContrastiveCase.read(functional));
        }
        e.spans(classifier, normaliser, data);
        return e;
    }

    private void testSplits(TribuoClassifier classifier, Normaliser normaliser, List<LabelledText> examples) {
        List<LabelledText> test = examples.stream().filter(x -> x.split() == Split.TEST).toList();
        @SuppressWarnings("unchecked")
        Map<Attribute, Double>[] scores = new Map[test.size()];
        IntStream.range(0, test.size()).parallel().forEach(i -> {
            LabelledText t = test.get(i);
            scores[i] = classifier.score(normaliser.analyse(t.text()).withLanguage(t.language()));
        });
        Map<String, List<double[]>> groups = new LinkedHashMap<>();
        for (int i = 0; i < test.size(); i++) {
            LabelledText t = test.get(i);
            for (Map.Entry<Attribute, Boolean> l : t.labels().entrySet()) {
                Double s = scores[i].get(l.getKey());
                if (s == null) {
                    continue;
                }
                double[] pair = {s, l.getValue() ? 1 : 0};
                String a = l.getKey().name();
                groups.computeIfAbsent("D|" + t.dataset() + "/" + t.language() + "/" + a, k -> new ArrayList<>()).add(pair);
                groups.computeIfAbsent("L|" + t.language() + "/" + a, k -> new ArrayList<>()).add(pair);
                groups.computeIfAbsent("A|" + a, k -> new ArrayList<>()).add(pair);
            }
        }
        Map<Attribute, Double> thresholds = classifier.defaultThresholds();
        for (Map.Entry<String, List<double[]>> g : groups.entrySet()) {
            String key = g.getKey().substring(2);
            String attribute = key.substring(key.lastIndexOf('/') + 1);
            double threshold = thresholds.get(Attribute.valueOf(attribute));
            double[] s = new double[g.getValue().size()];
            boolean[] y = new boolean[s.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = g.getValue().get(i)[0];
                y[i] = g.getValue().get(i)[1] > 0;
            }
            Metrics m = Metrics.of(s, y, threshold);
            switch (g.getKey().charAt(0)) {
                case 'D' -> byDataset.put(key, m);
                case 'L' -> byLanguage.put(key, m);
                default -> byAttribute.put(key, m);
            }
        }
    }

    /** A functional case passes when every attribute it states lands on the right side of its threshold. */
    static boolean passes(Map<Attribute, Double> scores, Map<Attribute, Double> thresholds, ContrastiveCase c) {
        for (Map.Entry<Attribute, Boolean> l : c.labels().entrySet()) {
            Double s = scores.get(l.getKey());
            if (s != null && (s >= thresholds.get(l.getKey())) != l.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The attributes a failing case got wrong, as "THREAT 0.12 < 0.19" (score, side, threshold). */
    static String wrongSides(Map<Attribute, Double> scores, Map<Attribute, Double> thresholds, ContrastiveCase c) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Attribute, Boolean> l : c.labels().entrySet()) {
            Double score = scores.get(l.getKey());
            double threshold = thresholds.get(l.getKey());
            if (score != null && (score >= threshold) != l.getValue()) {
                if (b.length() > 0) {
                    b.append(", ");
                }
                b.append(l.getKey()).append(' ').append(fmt(score)).append(l.getValue() ? " < " : " >= ")
                        .append(fmt(threshold));
            }
        }
        return b.toString();
    }

    /** Pass rate per behaviour of authored cases (used on the dev part of the training cases). */
    static Map<String, Double> passRates(TribuoClassifier classifier, Normaliser normaliser,
                                         List<ContrastiveCase> cases) {
        Map<String, double[]> counts = new TreeMap<>();
        for (ContrastiveCase c : cases) {
            Map<Attribute, Double> s = classifier.score(normaliser.analyse(c.text()).withLanguage(c.language()));
            count(counts, c.behaviour(), passes(s, classifier.defaultThresholds(), c));
        }
        Map<String, Double> rates = new TreeMap<>();
        counts.forEach((k, c) -> rates.put(k, Math.round(c[0] / c[1] * 10000) / 10000.0));
        return rates;
    }

    private void functional(TribuoClassifier classifier, Normaliser normaliser, List<ContrastiveCase> cases) {
        Map<Attribute, Double> thresholds = classifier.defaultThresholds();
        for (ContrastiveCase c : cases) {
            Map<Attribute, Double> s = classifier.score(normaliser.analyse(c.text()).withLanguage(c.language()));
            boolean pass = passes(s, thresholds, c);
            count(functionalByBehaviour, c.behaviour(), pass);
            count(functionalByLanguage, c.language(), pass);
            if (!pass && failuresShown.merge(c.behaviour(), 1, Integer::sum) <= FAILURES_PER_BEHAVIOUR) {
                functionalFailures.add(c.language() + " | " + c.behaviour() + " | " + c.text() + " | "
                        + wrongSides(s, thresholds, c));
            }
            if (c.behaviour().startsWith("neutral") || c.behaviour().startsWith("positive")) {
                boolean flagged = s.get(Attribute.TOXICITY) >= thresholds.get(Attribute.TOXICITY)
                        || s.get(Attribute.IDENTITY_ATTACK) >= thresholds.get(Attribute.IDENTITY_ATTACK);
                count(biasByGroup, c.group(), flagged);
                count(biasByLanguage, c.language(), flagged);
            }
        }
    }

    private static void count(Map<String, double[]> map, String key, boolean hit) {
        double[] c = map.computeIfAbsent(key, k -> new double[2]);
        c[0] += hit ? 1 : 0;
        c[1]++;
    }

    // ---------------------------------------------------------------- spans

    private void spans(TribuoClassifier classifier, Normaliser normaliser, Path data) throws IOException {
        List<SpanCase> tsdDev = readSpans(data.resolve("toxic_spans/tsd_trial.csv"), 0, 1);
        List<SpanCase> tsdTest = readSpans(data.resolve("toxic_spans/tsd_test.csv"), 0, 1);
        List<SpanCase> vihosDev = readSpans(data.resolve("vihos/dev.csv"), 2, 1);
        List<SpanCase> vihosTest = readSpans(data.resolve("vihos/test.csv"), 2, 1);
        spanSet("toxic_spans (en)", "en", classifier, normaliser, tsdDev, tsdTest);
        spanSet("vihos (vi)", "vi", classifier, normaliser, vihosDev, vihosTest);
    }

    private record SpanCase(String text, Set<Integer> truth) {
    }

    private static List<SpanCase> readSpans(Path file, int spanCol, int textCol) throws IOException {
        List<SpanCase> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String[]> rows = Csv.readQuoted(file, ',');
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length <= Math.max(spanCol, textCol)) {
                continue;
            }
            Set<Integer> truth = new HashSet<>();
            String s = r[spanCol].replace("[", "").replace("]", "").trim();
            if (!s.isEmpty()) {
                for (String n : s.split(",")) {
                    truth.add(Integer.parseInt(n.trim()));
                }
            }
            out.add(new SpanCase(r[textCol], truth));
        }
        return out;
    }

    private void spanSet(String name, String language, TribuoClassifier classifier, Normaliser normaliser,
                         List<SpanCase> dev, List<SpanCase> test) {
        if (dev.isEmpty() || test.isEmpty()) {
            return;
        }
        double[] grid = {0.0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5};
        double best = grid[0];
        double bestF1 = -1;
        for (double t : grid) {
            double f1 = spanF1(classifier, normaliser, dev, language, t);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contributionThreshold", best);
        m.put("devSpanF1", bestF1);
        m.put("testSpanF1", spanF1(classifier, normaliser, test, language, best));
        m.put("testPosts", test.size());
        spans.put(name, m);
    }

    /** SemEval-2021 Task 5 style: character-level F1 per post (both empty counts 1), averaged. */
    private static double spanF1(TribuoClassifier classifier, Normaliser normaliser, List<SpanCase> cases,
                                 String language, double threshold) {
        double[] f1 = new double[cases.size()];
        IntStream.range(0, cases.size()).parallel().forEach(i -> {
            SpanCase c = cases.get(i);
            AnalysedText text = normaliser.analyse(c.text()).withLanguage(language);
            List<TokenContribution> contributions = classifier.explain(text).get(Attribute.TOXICITY);
            Set<Integer> predicted = new HashSet<>();
            for (TokenContribution tc : contributions) {
                if (tc.weight() > threshold) {
                    for (int k = tc.token().begin(); k < tc.token().end(); k++) {
                        predicted.add(k);
                    }
                }
            }
            if (predicted.isEmpty() && c.truth().isEmpty()) {
                f1[i] = 1;
            } else if (predicted.isEmpty() || c.truth().isEmpty()) {
                f1[i] = 0;
            } else {
                int tp = 0;
                for (int k : predicted) {
                    if (c.truth().contains(k)) {
                        tp++;
                    }
                }
                f1[i] = Metrics.f1(tp, predicted.size() - tp, c.truth().size() - tp);
            }
        });
        double sum = 0;
        for (double v : f1) {
            sum += v;
        }
        return cases.isEmpty() ? Double.NaN : sum / cases.size();
    }

    // ---------------------------------------------------------------- output

    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> attrs = new LinkedHashMap<>();
        byAttribute.forEach((k, m) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("macroF1", round(m.macroF1()));
            x.put("rocAuc", round(m.rocAuc()));
            x.put("ece", round(m.ece()));
            x.put("n", m.count());
            attrs.put(k, x);
        });
        s.put("testByAttribute", attrs);
        Map<String, Object> fun = new LinkedHashMap<>();
        functionalByBehaviour.forEach((k, c) -> fun.put(k, round(c[0] / c[1])));
        s.put("functionalPassRateByBehaviour", fun);
        Map<String, Object> bias = new LinkedHashMap<>();
        biasByGroup.forEach((k, c) -> bias.put(k, round(c[0] / c[1])));
        s.put("neutralFalsePositiveRateByGroup", bias);
        s.put("spans", spans);
        return s;
    }

    Map<String, Object> full(Map<String, Object> manifest) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("modelVersion", manifest.get("version"));
        f.put("summary", summary());
        f.put("byDataset", toJson(byDataset));
        f.put("byLanguage", toJson(byLanguage));
        f.put("functionalByLanguage", rates(functionalByLanguage));
        f.put("neutralFalsePositiveRateByLanguage", rates(biasByLanguage));
        return f;
    }

    private static Map<String, Object> rates(Map<String, double[]> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, c) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("rate", round(c[0] / c[1]));
            x.put("n", (int) c[1]);
            out.put(k, x);
        });
        return out;
    }

    private static Map<String, Object> toJson(Map<String, Metrics> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("n", v.count());
            x.put("positives", v.positives());
            x.put("accuracy", round(v.accuracy()));
            x.put("macroF1", round(v.macroF1()));
            x.put("rocAuc", round(v.rocAuc()));
            x.put("prAuc", round(v.prAuc()));
            x.put("ece", round(v.ece()));
            out.put(k, x);
        });
        return out;
    }

    private static Object round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
    }

    private static String fmt(Double v) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** The report's note on the behaviours that weigh other than the authored weight (round 37); empty without any. */
    static String behaviourWeightNote(Map<String, Object> manifest) {
        if (!(manifest.get("behaviourWeights") instanceof Map<?, ?> weights) || weights.isEmpty()) {
            return "";
        }
        return ", except " + weights.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ")) + " (--behaviour-weight)";
    }

    String markdown(Map<String, Object> manifest, String experimentsPath, String experimentsLog) {
        StringBuilder md = new StringBuilder();
        md.append("# Model quality report\n\n");
        md.append("Generated by `TrainCommand` (see \"Reproduce\" below); do not edit by hand.\n\n");
        md.append("- Model version: `").append(manifest.get("version")).append("`\n");
        md.append("- Trained at: ").append(manifest.get("trainedAt")).append(", git commit `")
                .append(manifest.get("gitCommit")).append("`\n");
        md.append("- Trainer: ").append(manifest.get("trainer")).append("; Tribuo ").append(manifest.get("tribuoVersion"))
                .append(", Java ").append(manifest.get("javaVersion")).append("\n");
        md.append("- Features: ").append(manifest.get("features")).append("\n");
        md.append("- Seeds: training ").append(manifest.get("seed")).append(", splits ").append(manifest.get("splitSeed"))
                .append("\n");
        md.append("- Scores are Platt-calibrated on dev; flag thresholds maximise dev F1. All test numbers below are on test "
                + "splits never used for training, tuning or selection (official where they exist, else a seeded 10%).\n");
        Object fraction = manifest.get("trainFraction");
        boolean whole = fraction instanceof Number n && n.doubleValue() >= 1.0;
        md.append("- Shared-data training part used: ").append(whole ? "all of each train split"
                        : fraction + " of each train split (seeded subsample)")
                .append("; dev and test are complete. Authored contrastive cases weigh ")
                .append(manifest.get("contrastiveWeight")).append(" each").append(behaviourWeightNote(manifest))
                .append(".\n");
        md.append("- Training took ").append(manifest.get("trainingSeconds")).append(" s on 2 cores.\n\n");

        md.append("## Per attribute (all test splits that label it)\n\n");
        metricTable(md, byAttribute, false);
        md.append("\n## Per data set, language and attribute\n\n");
        metricTable(md, byDataset, true);
        md.append("\n## Per language and attribute\n\n");
        metricTable(md, byLanguage, false);

        md.append("\n## Functional suite (authored, held out from training)\n\n");
        md.append("A case passes when every attribute it states is on the right side of the model's default threshold.\n\n");
        md.append("| behaviour | cases | pass rate |\n|---|---:|---:|\n");
        functionalByBehaviour.forEach((k, c) -> md.append("| ").append(k).append(" | ").append((int) c[1]).append(" | ")
                .append(pct(c[0] / c[1])).append(" |\n"));
        md.append("\n| language | cases | pass rate |\n|---|---:|---:|\n");
        functionalByLanguage.forEach((k, c) -> md.append("| ").append(k).append(" | ").append((int) c[1]).append(" | ")
                .append(pct(c[0] / c[1])).append(" |\n"));
        if (!functionalFailures.isEmpty()) {
            md.append("\nFailures, at most " + FAILURES_PER_BEHAVIOUR + " per behaviour (language | behaviour | text | attributes on the wrong side of their threshold):\n\n");
            for (String f : functionalFailures) {
                md.append("- ").append(f.replace("|", "\\|")).append('\n');
            }
        }

        md.append("\n## Identity bias: false-positive rate on neutral and positive sentences\n\n");
        md.append("A sentence counts as a false positive when TOXICITY or IDENTITY_ATTACK reaches its threshold. "
                + "Target: at most 5% for every group.\n\n");
        md.append("| group | sentences | false-positive rate |\n|---|---:|---:|\n");
        biasByGroup.forEach((k, c) -> md.append("| ").append(k).append(" | ").append((int) c[1]).append(" | ")
                .append(pct(c[0] / c[1])).append(" |\n"));
        md.append("\n| language | sentences | false-positive rate |\n|---|---:|---:|\n");
        biasByLanguage.forEach((k, c) -> md.append("| ").append(k).append(" | ").append((int) c[1]).append(" | ")
                .append(pct(c[0] / c[1])).append(" |\n"));

        md.append("\n## Explanation spans\n\n");
        md.append("Tokens whose TOXICITY contribution exceeds a cut-off chosen on the dev split form the predicted span; "
                + "character-level F1 per post, averaged (SemEval-2021 Task 5 metric; its best system reached 0.708 on "
                + "toxic_spans).\n\n| set | cut-off | dev span F1 | test span F1 | test posts |\n|---|---:|---:|---:|---:|\n");
        spans.forEach((k, m) -> md.append("| ").append(k).append(" | ").append(m.get("contributionThreshold")).append(" | ")
                .append(fmt((Double) m.get("devSpanF1"))).append(" | ").append(fmt((Double) m.get("testSpanF1")))
                .append(" | ").append(m.get("testPosts")).append(" |\n"));

        md.append("\n## Compared with shared-task winners (macro-F1 on the official test split)\n\n");
        md.append("| task | ours | winner |\n|---|---:|---|\n");
        new TreeMap<>(WINNERS).forEach((k, w) -> {
            Metrics m = byDataset.get(k);
            md.append("| ").append(k).append(" | ").append(m == null ? "n/a" : fmt(m.macroF1())).append(" | ").append(w)
                    .append(" |\n");
        });
        md.append("\nMacro-F1 here uses the single default threshold chosen on our pooled dev split, not a per-task one.\n");

        md.append("\n## Training summary (dev)\n\n| attribute | train | positives | dev | threshold | dev macro-F1 | "
                + "dev ROC-AUC | dev ECE |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        @SuppressWarnings("unchecked")
        Map<Attribute, Map<String, Object>> training = (Map<Attribute, Map<String, Object>>) manifest.get("training");
        training.forEach((a, s) -> md.append("| ").append(a).append(" | ").append(s.get("trainExamples")).append(" | ")
                .append(s.get("trainPositives")).append(" | ").append(s.get("devExamples")).append(" | ")
                .append(s.get("threshold")).append(" | ").append(fmt((Double) s.get("devMacroF1"))).append(" | ")
                .append(fmt((Double) s.get("devRocAuc"))).append(" | ").append(fmt((Double) s.get("devEce")))
                .append(" |\n"));

        md.append("\n## Data sets and checksums\n\n| file | SHA-256 |\n|---|---|\n");
        @SuppressWarnings("unchecked")
        Map<String, String> sums = (Map<String, String>) manifest.get("dataChecksumsSha256");
        sums.forEach((k, v) -> md.append("| ").append(k).append(" | `").append(v, 0, 16).append("…` |\n"));

        md.append("\n## Reproduce\n\n```\ntraining/train.sh --data ../shared/data --out src/main/resources/models/default "
                + "--report docs/reports/model-quality.md\n```\n");
        if (manifest.get("contrastiveFiles") instanceof List<?> files && !files.isEmpty()) {
            md.append("\nAuthored rows read (train, dev): ").append(files.stream().map(f -> "`" + f + "`")
                    .collect(java.util.stream.Collectors.joining(", "))).append(" (`--contrastive`, `--contrastive-dev`).\n");
        }
        if (!experimentsLog.isBlank()) {
            md.append("\n## Log of what was tried on dev\n\n").append(logPointer(experimentsPath, experimentsLog))
                    .append("\n");
        }
        return md.toString();
    }

    /**
     * Where the log of dev experiments is, and how far it went when this report was written: the log grows after a
     * model is trained (later rounds, other engines), so a copy here would go stale.
     */
    static String logPointer(String experimentsPath, String experimentsLog) {
        return logPointer(experimentsPath, experimentsLog, NUMBERED_ITEM, "item");
    }

    /** A numbered item of the experiments log: "12. ..." at the start of a line. */
    private static final java.util.regex.Pattern NUMBERED_ITEM = java.util.regex.Pattern.compile("(?m)^(\\d+)\\. ");

    /**
     * Where a log is and the highest number its entries ({@code entry}'s first group) reached when a report was
     * written, named {@code noun} ("item", "round").
     */
    static String logPointer(String path, String log, java.util.regex.Pattern entry, String noun) {
        java.util.regex.Matcher found = entry.matcher(log);
        int last = 0;
        while (found.find()) {
            last = Math.max(last, Integer.parseInt(found.group(1)));
        }
        return "The log is " + path + ", kept there as rounds go on; when this report was written its last " + noun
                + " was " + (last == 0 ? "none" : "number " + last) + ".";
    }

    private static void metricTable(StringBuilder md, Map<String, Metrics> rows, boolean withPositives) {
        md.append("| key | n | positives | accuracy | macro-F1 | ROC-AUC | PR-AUC | ECE |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach((k, m) -> md.append("| ").append(k).append(" | ").append(m.count()).append(" | ")
                .append(m.positives()).append(" | ").append(fmt(m.accuracy())).append(" | ").append(fmt(m.macroF1()))
                .append(" | ").append(fmt(m.rocAuc())).append(" | ").append(fmt(m.prAuc())).append(" | ")
                .append(fmt(m.ece())).append(" |\n"));
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
