package dev.safespeak.moderation.training;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.EncoderClassifier;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.TribuoClassifier;
import dev.safespeak.moderation.training.EncoderTrainCommand.Item;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores rows in the three modes the way the runtime does (fast: n-gram model; accurate: the encoder heads for
 * the languages an encoder covers; balanced: the encoder only when a fast score lies in its attribute's band) and
 * writes the comparison: test splits per set and attribute, authored suites per behaviour and language, and the
 * false-positive rate on neutral and positive identity mentions.
 *
 * <p>Two n-gram models may take part, as in the service (round 31, decision 111): the one the heads were fitted against,
 * whose scores the heads' languages read in accurate and balanced modes for the attributes the heads score, and the
 * serving fast model, which scores fast mode, every other language and the attributes without a head. They are the
 * same model unless the heads ship beside another one.
 */
final class ModeEvaluation {

    enum Mode { FAST, ACCURATE, BALANCED }

    /** Scores and the thresholds they are judged against, for one row in one mode. */
    record Verdict(Map<Attribute, Double> scores, Map<Attribute, Double> thresholds, boolean encoder) {
        boolean flagged(Attribute a) {
            Double s = scores.get(a);
            return s != null && s >= thresholds.get(a);
        }
    }

    static final List<Attribute> IDENTITY_FP_ATTRIBUTES = List.of(Attribute.TOXICITY,
            Attribute.IDENTITY_ATTACK, Attribute.INSULT);

    private final EncoderHeads heads;
    private final TribuoClassifier fast;
    private final Map<String, Embeddings> embeddings;
    private final Map<Item, Map<Attribute, Double>> fastScores;
    private final TribuoClassifier serving;
    private final Map<Item, Map<Attribute, Double>> servingScores;
    private final StringBuilder testTable = new StringBuilder();
    private final StringBuilder functionalTables = new StringBuilder();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final Map<Mode, double[]> englishTestF1 = new EnumMap<>(Mode.class);
    private final Map<Mode, List<String>> englishTestLosses = new EnumMap<>(Mode.class);

    /**
     * @param fast          the n-gram model the heads were fitted against
     * @param fastScores    its scores of every row
     * @param serving       the fast model the service serves (fast mode, and languages without heads)
     * @param servingScores its scores of every row
     */
    ModeEvaluation(EncoderHeads heads, TribuoClassifier fast, Map<String, Embeddings> embeddings,
                   Map<Item, Map<Attribute, Double>> fastScores, TribuoClassifier serving,
                   Map<Item, Map<Attribute, Double>> servingScores) {
        this.heads = heads;
        this.fast = fast;
        this.embeddings = embeddings;
        this.fastScores = fastScores;
        this.serving = serving;
        this.servingScores = servingScores;
    }

    Verdict verdict(Item item, Mode mode) {
        EncoderHeads.Encoder encoder = heads.encoders().stream()
                .filter(e -> e.languages().contains(item.language())).findFirst().orElse(null);
        if (mode == Mode.FAST || encoder == null || !embeddings.containsKey(encoder.name())) {
            return new Verdict(servingScores.get(item), serving.defaultThresholds(), false);
        }
        Map<Attribute, Double> f = fastScores.get(item);
        // As EncoderClassifier: the attributes the heads score read the heads' n-gram model, the others the serving
        // fast model (session 17; the same model unless the heads ship beside another one).
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            boolean own = encoder.heads().containsKey(a);
            Map<Attribute, Double> from = own ? f : servingScores.get(item);
            if (from.containsKey(a)) {
                scores.put(a, from.get(a));
                thresholds.put(a, (own ? fast : serving).defaultThresholds().getOrDefault(a, 0.5));
            }
        }
        if (mode == Mode.BALANCED && !EncoderClassifier.routes(encoder.band(), encoder.identityRoute(), f,
                EnumSet.allOf(Attribute.class))) {
            return new Verdict(scores, thresholds, false);
        }
        float[] x = embeddings.get(encoder.name()).get(item.text());
        encoder.heads().forEach((a, h) -> {
            scores.put(a, h.score(x, f));
            thresholds.put(a, h.threshold());
        });
        return new Verdict(scores, thresholds, true);
    }

    /** Macro-F1 and ROC-AUC per test set, language and attribute, in each mode. */
    void testSplits(List<Item> test) {
        Map<String, List<Item>> bySet = new TreeMap<>();
        for (Item i : test) {
            if (i.split() == Split.TEST) {
                bySet.computeIfAbsent(i.source() + " (" + i.language() + ")", k -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        testTable.append("| set | attribute | texts | positives | fast F1 | accurate F1 | balanced F1 | fast AUC | accurate AUC | balanced: encoder used |\n");
        testTable.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Item>> set : bySet.entrySet()) {
            Map<Mode, List<Verdict>> verdicts = new EnumMap<>(Mode.class);
            for (Mode m : Mode.values()) {
                verdicts.put(m, set.getValue().stream().map(i -> verdict(i, m)).toList());
            }
            long routed = verdicts.get(Mode.BALANCED).stream().filter(Verdict::encoder).count();
            for (Attribute a : Attribute.values()) {
                List<Integer> idx = new ArrayList<>();
                for (int k = 0; k < set.getValue().size(); k++) {
                    if (set.getValue().get(k).labels().containsKey(a)) {
                        idx.add(k);
                    }
                }
                boolean[] truth = new boolean[idx.size()];
                int pos = 0;
                for (int k = 0; k < idx.size(); k++) {
                    truth[k] = set.getValue().get(idx.get(k)).labels().get(a);
                    pos += truth[k] ? 1 : 0;
                }
                if (pos == 0 || pos == idx.size()) {
                    continue;
                }
                Map<Mode, Metrics> metrics = new EnumMap<>(Mode.class);
                for (Mode m : Mode.values()) {
                    double[] flags = new double[idx.size()];
                    double[] scores = new double[idx.size()];
                    for (int k = 0; k < idx.size(); k++) {
                        Verdict v = verdicts.get(m).get(idx.get(k));
                        flags[k] = v.flagged(a) ? 1 : 0;
                        scores[k] = v.scores().getOrDefault(a, 0.0);
                    }
                    Metrics byFlag = Metrics.of(flags, truth, 0.5);
                    Metrics byScore = Metrics.of(scores, truth, 0.5);
                    metrics.put(m, new Metrics(byFlag.count(), byFlag.positives(), byFlag.accuracy(), byFlag.macroF1(),
                            byFlag.f1Positive(), byScore.rocAuc(), byScore.prAuc(), byScore.ece()));
                }
                testTable.append("| ").append(set.getKey()).append(" | ").append(a).append(" | ").append(idx.size())
                        .append(" | ").append(pos).append(" | ").append(f(metrics.get(Mode.FAST).macroF1()))
                        .append(" | ").append(f(metrics.get(Mode.ACCURATE).macroF1())).append(" | ")
                        .append(f(metrics.get(Mode.BALANCED).macroF1())).append(" | ")
                        .append(f(metrics.get(Mode.FAST).rocAuc())).append(" | ")
                        .append(f(metrics.get(Mode.ACCURATE).rocAuc())).append(" | ")
                        .append(pct(routed / (double) set.getValue().size())).append(" |\n");
                Map<String, Object> row = new LinkedHashMap<>();
                for (Mode m : Mode.values()) {
                    row.put(m.name().toLowerCase(), EncoderTrainCommand.round(metrics.get(m).macroF1()));
                }
                out.put(set.getKey() + " " + a, row);
                if (set.getKey().endsWith("(en)")) {
                    for (Mode m : List.of(Mode.ACCURATE, Mode.BALANCED)) {
                        double delta = metrics.get(m).macroF1() - metrics.get(Mode.FAST).macroF1();
                        if (delta < 0) {
                            englishTestLosses.computeIfAbsent(m, k -> new ArrayList<>()).add(set.getKey() + " "
                                    + a + " " + String.format(java.util.Locale.ROOT, "%+.3f", delta));
                        }
                    }
                    for (Mode m : Mode.values()) {
                        double[] acc = englishTestF1.computeIfAbsent(m, k -> new double[2]);
                        acc[0] += metrics.get(m).macroF1();
                        acc[1]++;
                    }
                }
            }
        }
        summary.put("testMacroF1", out);
    }

    /** Pass rates per behaviour and language, identity false positives and TOXICITY macro-F1 of an authored suite. */
    void functional(String name, List<Item> cases) {
        if (cases.isEmpty()) {
            functionalTables.append("\n### ").append(name).append("\n\nNo cases (file missing).\n");
            return;
        }
        Map<String, Map<Mode, int[]>> byBehaviour = new TreeMap<>();
        Map<String, Map<Mode, int[]>> byLanguage = new TreeMap<>();
        Map<String, Map<Mode, int[]>> byBehaviourEncoderLanguages = new TreeMap<>();
        Map<String, Map<Mode, int[]>> identityFp = new TreeMap<>();
        Map<String, Map<Mode, int[]>> identityFpByAttribute = new TreeMap<>();
        Map<String, Map<Mode, List<double[]>>> toxicity = new TreeMap<>();
        Map<Mode, List<String>> failures = new EnumMap<>(Mode.class);
        for (Item c : cases) {
            for (Mode m : Mode.values()) {
                Verdict v = verdict(c, m);
                boolean pass = true;
                for (Map.Entry<Attribute, Boolean> label : c.labels().entrySet()) {
                    if (v.scores().containsKey(label.getKey()) && v.flagged(label.getKey()) != label.getValue()) {
                        pass = false;
                    }
                }
                count(byBehaviour, c.behaviour(), m, pass);
                if (c.language().equals("en") || c.language().equals("zh")) {
                    count(byBehaviourEncoderLanguages, c.language() + " " + c.behaviour(), m, pass);
                }
                count(byLanguage, c.language(), m, pass);
                if (!pass && m != Mode.FAST && failures.computeIfAbsent(m, k -> new ArrayList<>()).size() < 40
                        && c.language().equals("en")) {
                    failures.get(m).add(c.behaviour() + " | " + c.text().replace("|", "/"));
                }
                boolean identityNeutral = !"-".equals(c.group()) && c.group() != null
                        && c.labels().values().stream().noneMatch(Boolean::booleanValue);
                if (identityNeutral) {
                    boolean fp = IDENTITY_FP_ATTRIBUTES.stream().anyMatch(v::flagged);
                    count(identityFp, c.language(), m, fp);
                    for (Attribute a : IDENTITY_FP_ATTRIBUTES) {
                        count(identityFpByAttribute, c.language() + " " + a, m, v.flagged(a));
                    }
                }
                Boolean tox = c.labels().get(Attribute.TOXICITY);
                if (tox != null) {
                    toxicity.computeIfAbsent(c.language(), k -> new EnumMap<>(Mode.class))
                            .computeIfAbsent(m, k -> new ArrayList<>())
                            .add(new double[] {v.flagged(Attribute.TOXICITY) ? 1 : 0, tox ? 1 : 0});
                }
            }
        }
        StringBuilder md = functionalTables;
        md.append("\n### ").append(name).append(" (").append(cases.size()).append(" cases)\n\n");
        md.append("Pass rate per behaviour (all languages):\n\n");
        table(md, "behaviour", byBehaviour);
        md.append("\nPass rate per behaviour in the languages an encoder covers (the other languages score the same in "
                + "every mode):\n\n");
        table(md, "language and behaviour", byBehaviourEncoderLanguages);
        md.append("\nPass rate per language:\n\n");
        table(md, "language", byLanguage);
        md.append("\nTOXICITY macro-F1 per language (hateful or toxic vs not, over the cases that state TOXICITY):\n\n");
        md.append("| language | cases | fast | accurate | balanced |\n|---|---:|---:|---:|---:|\n");
        Map<String, Object> toxOut = new TreeMap<>();
        toxicity.forEach((lang, modes) -> {
            md.append("| ").append(lang).append(" | ").append(modes.get(Mode.FAST).size());
            Map<String, Object> row = new LinkedHashMap<>();
            for (Mode m : Mode.values()) {
                List<double[]> rows = modes.get(m);
                double[] s = new double[rows.size()];
                boolean[] t = new boolean[rows.size()];
                for (int k = 0; k < rows.size(); k++) {
                    s[k] = rows.get(k)[0];
                    t[k] = rows.get(k)[1] > 0.5;
                }
                double f1 = Metrics.of(s, t, 0.5).macroF1();
                md.append(" | ").append(f(f1));
                row.put(m.name().toLowerCase(), EncoderTrainCommand.round(f1));
            }
            md.append(" |\n");
            toxOut.put(lang, row);
        });
        md.append("\nFalse-positive rate on neutral and positive sentences that mention an identity group "
                + "(flagged TOXICITY, IDENTITY_ATTACK or INSULT), per language; lower is better:\n\n");
        table(md, "language", identityFp);
        md.append("\nThe same, by the attribute that fired:\n\n");
        table(md, "language and attribute", identityFpByAttribute);
        for (Map.Entry<Mode, List<String>> f : failures.entrySet()) {
            md.append("\nSome English cases ").append(f.getKey().name().toLowerCase()).append(" mode gets wrong:\n\n");
            f.getValue().stream().limit(15).forEach(line -> md.append("- ").append(line).append("\n"));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("passRateByBehaviour", rates(byBehaviour));
        s.put("passRateByLanguage", rates(byLanguage));
        s.put("identityFalsePositiveRate", rates(identityFp));
        s.put("toxicityMacroF1", toxOut);
        summary.put(name, s);
    }

    Map<String, Object> summary() {
        Map<String, Object> avg = new LinkedHashMap<>();
        englishTestF1.forEach((m, acc) -> avg.put(m.name().toLowerCase(), EncoderTrainCommand.round(acc[0] / acc[1])));
        summary.put("englishTestMeanMacroF1", avg);
        Map<String, Object> losses = new LinkedHashMap<>();
        englishTestLosses.forEach((m, l) -> losses.put(m.name().toLowerCase(), l));
        summary.put("englishTestRowsUnderFast", losses);
        return summary;
    }

    /**
     * What each encoder's heads are, as read from the heads file, for the report's header: for example
     * "bge-small-en-v1.5-q: one hidden layer of 64 ReLU units; bge-small-zh-v1.5-q: logistic". Heads of different
     * shapes are all named; an encoder without heads says so.
     */
    static String headShapes(EncoderHeads heads) {
        List<String> shapes = new ArrayList<>();
        for (EncoderHeads.Encoder e : heads.encoders()) {
            Set<String> own = new TreeSet<>();
            for (EncoderHeads.Head head : e.heads().values()) {
                own.add(head.hidden() == null ? "logistic"
                        : "one hidden layer of " + head.hidden().units() + " ReLU units");
            }
            shapes.add(e.name() + ": " + (own.isEmpty() ? "no heads" : String.join(" and ", own)));
        }
        return String.join("; ", shapes);
    }

    /**
     * @param command the command line that wrote this report (its Reproduce section)
     */
    String markdown(EncoderHeads written, Map<String, int[]> sampled, Map<Split, Integer> caps, long seconds,
                    String command) {
        StringBuilder md = new StringBuilder();
        md.append("# Model quality per mode\n\n");
        md.append("Generated by `training/train-encoder.sh` (`EncoderTrainCommand`); do not edit by hand. Heads version `")
                .append(written.version()).append("`, fast model `").append(serving.version()).append("`")
                .append(serving.version().equals(fast.version()) ? "" : " (the heads read the scores of `" + fast.version() + "`, the n-gram "
                        + "model they were fitted against)").append(", ")
                .append(seconds).append(" s.\n\n");
        md.append("- **fast**: the n-gram model alone.\n");
        md.append("- **accurate**: a frozen sentence encoder (bge-small-en-v1.5 for English, bge-small-zh-v1.5 for "
                + "Chinese, int8 ONNX) with one head per attribute on its embedding (" + headShapes(written)
                + "; decision 108), blended with the n-gram model's scores by a "
                + "stacker fitted on dev; other languages use the n-gram model.\n");
        md.append("- **balanced**: the n-gram model, and the accurate engine's blended score only when a fast score "
                + "falls in that attribute's band (chosen on dev)"
                + (written.encoders().stream().anyMatch(e -> e.identityRoute().isPresent())
                        ? " or the fast IDENTITY_ATTACK score reaches the encoder's identity route" : "")
                + ".\n\n");
        md.append("Heads are fitted on train splits; blends, thresholds, the authored-case weight and the bands were all chosen on dev splits "
                + "(public dev rows and the authored dev templates). Test splits, the held-out templates and the fresh "
                + "phrasings were only scored. Public sets are sampled (seeded) to at most ").append(caps.get(Split.TRAIN))
                .append(" train, ").append(caps.get(Split.DEV)).append(" dev and ").append(caps.get(Split.TEST))
                .append(" test rows per set and language.\n\n");
        Map<String, Object> avg = new LinkedHashMap<>();
        englishTestF1.forEach((m, acc) -> avg.put(m.name().toLowerCase(), f(acc[0] / acc[1])));
        md.append("Mean macro-F1 over the English test rows below: ").append(avg).append(".\n\n");
        for (Mode m : List.of(Mode.ACCURATE, Mode.BALANCED)) {
            List<String> losses = englishTestLosses.getOrDefault(m, List.of());
            md.append("English test rows where ").append(m.name().toLowerCase()).append(" scores under fast: ")
                    .append(losses.isEmpty() ? "none" : losses.size() + " (" + String.join("; ", losses) + ")")
                    .append(".\n\n");
        }
        md.append(blendTable(written));
        md.append(devDiagnostics(written));
        md.append(variantsTried());
        md.append("## Test splits\n\n").append(testTable);
        md.append("\n## Authored suites\n\n");
        md.append("The held-out suite is split by template: a template and all its fills (groups, spellings) are in "
                + "train, dev or test, never two of them. The fresh phrasings were written as free sentences, not from "
                + "templates. No held-out or fresh row was trained on or used to pick a variant, but the direction of "
                + "authoring rounds 8-10 and their selection criteria were chosen after seeing the held-out and fresh "
                + "results of earlier rounds (round 9 exists because r8 flagged 9.0% of the fresh identity mentions; "
                + "round 10's criterion was written after r9's held-out and test losses), so the held-out and fresh "
                + "numbers below are optimistic for identity false positives and hate (training/dev-variants.md, "
                + "rounds 8-10). A case passes when every attribute it states is on the right side of the mode's "
                + "threshold.\n");
        md.append(functionalTables);
        md.append("\n## Samples used\n\n| set, language, split | used | available |\n|---|---:|---:|\n");
        sampled.forEach((k, v) -> md.append("| ").append(k.replace("|", ", ")).append(" | ").append(v[0]).append(" | ")
                .append(v[1]).append(" |\n"));
        md.append("\n## Reproduce\n\n```\n").append(command).append("\n```\n");
        return md.toString();
    }

    /**
     * The threshold objective in words, built from the manifest's {@code blend} settings (authoredShare,
     * lossPenalty, identityFpPenalty, identityFpAttributes, authoredPassMean) so the report says what the run did.
     * The three weights must be there (their defaults changed between rounds, so a guess would misstate an older
     * run); identityFpAttributes and authoredPassMean came later, and heads trained before them were penalised on
     * every attribute and counted cases, which is what their absence reads as.
     */
    static String objectiveSentence(com.fasterxml.jackson.databind.JsonNode blend) {
        double share = required(blend, "authoredShare");
        double loss = required(blend, "lossPenalty");
        double identity = required(blend, "identityFpPenalty");
        String attributes = blend.path("identityFpAttributes").asText("all").trim();
        String passMean = blend.path("authoredPassMean").asText("cases");
        String pass = switch (passMean) {
            case "cases" -> "authored dev pass rate (share of all authored dev cases that pass)";
            case "behaviours" -> "authored dev pass rate (mean over behaviours of each behaviour's pass rate)";
            default -> throw new IllegalArgumentException("blend.authoredPassMean is " + passMean
                    + ", expected cases or behaviours");
        };
        String penalised = attributes.equals("all") ? "on every attribute"
                : "on " + String.join(", ", attributes.split("\\s*,\\s*")) + " only (0 on the other attributes)";
        return number(1 - share) + " x mean public dev macro-F1 + " + number(share) + " x " + pass + " - "
                + number(loss) + " x the sum of the dev sets' macro-F1 losses to fast (docs/decisions/081) - "
                + number(identity) + " x the authored dev identity false-positive rate of that attribute, "
                + penalised;
    }

    private static double required(com.fasterxml.jackson.databind.JsonNode blend, String field) {
        if (!blend.path(field).isNumber()) {
            throw new IllegalArgumentException("the heads' manifest has no number blend." + field);
        }
        return blend.path(field).asDouble();
    }

    /** {@code v} to at most four decimals without trailing zeros: 0.1 for 1 - 0.9, 8 for 8.0. */
    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** The blend of each head as the artifact stores it, and what it reached on dev (cross-fitted). */
    private static String blendTable(EncoderHeads written) {
        StringBuilder md = new StringBuilder("## Blends (chosen on dev)\n\n");
        md.append("Each head scores `sigmoid(a * encoder margin + sum_k b_k * logit(fast score k) + c)`; a, b and c are "
                + "fitted on the dev rows (where the fast model's scores are out of sample; options in the manifest), "
                + "and the threshold and the authored weight are chosen on cross-fitted dev probabilities (each dev row "
                + "scored by a blend fitted on the other folds; an authored template's fills share a fold) by the "
                + "objective " + objectiveSentence(written.manifest().path("blend")) + "; in the "
                + "blend's fit an authored dev row weighs `blend.stackerAuthoredWeight` public rows (the Chinese encoder's: `blend.stackerAuthoredWeightZh`). Dev columns: mean macro-F1 over the public dev "
                + "sets and the authored dev pass rate at the chosen threshold, cross-fitted.\n\n");
        md.append("| encoder | attribute | authored weight | a (encoder) | b (fast logits) | c | threshold | dev mean F1 "
                + "accurate / fast | dev authored pass accurate / fast |\n|---|---|---:|---:|---|---:|---:|---:|---:|\n");
        for (EncoderHeads.Encoder e : written.encoders()) {
            com.fasterxml.jackson.databind.JsonNode dev = written.manifest().path("dev").path(e.name());
            e.heads().forEach((a, h) -> {
                com.fasterxml.jackson.databind.JsonNode d = dev.path(a.name());
                StringBuilder fastWeights = new StringBuilder();
                h.blend().fast().forEach((k, v) -> fastWeights.append(fastWeights.isEmpty() ? "" : ", ")
                        .append(k.name()).append(' ').append(f(v)));
                md.append("| ").append(e.name()).append(" | ").append(a).append(" | ")
                        .append(d.path("authoredWeight").asText("–")).append(" | ").append(f(h.blend().encoder()))
                        .append(" | ").append(fastWeights).append(" | ").append(f(h.blend().bias())).append(" | ")
                        .append(String.format(java.util.Locale.ROOT, "%.2f", h.threshold())).append(" | ")
                        .append(f(d.path("devMeanMacroF1PerSet").asDouble(Double.NaN))).append(" / ")
                        .append(f(d.path("fastDevMeanMacroF1PerSet").asDouble(Double.NaN))).append(" | ")
                        .append(f(d.path("devAuthoredPass").asDouble(Double.NaN))).append(" / ")
                        .append(f(d.path("fastDevAuthoredPass").asDouble(Double.NaN))).append(" |\n");
            });
        }
        return md.append('\n').toString();
    }

    /**
     * The authored dev templates scored out of fold (each case by a blend fitted without its template): the
     * fast model, the blend the artifact stores and the encoder margin alone, so one can see whether identity false
     * positives come from the fast model's logit in the blend. Dev only; the held-out suites are further down.
     */
    private static String devDiagnostics(EncoderHeads written) {
        StringBuilder md = new StringBuilder("## Authored dev templates, cross-fitted (fast, blend, encoder alone)\n\n");
        md.append("Each authored dev case scored by a blend fitted on the other folds (its template's fills share a "
                + "fold), at the threshold the dev objective chose; \"encoder alone\" is a stacker on the encoder's "
                + "margin without the fast model's logit, thresholded by the same objective (a diagnostic, not shipped). "
                + "Identity false positives: cases that mention a group and state no attribute as present (neutral, "
                + "positive, negated, counter-speech, reclaimed), flagged TOXICITY, IDENTITY_ATTACK or INSULT.\n\n");
        md.append("| encoder | row | cases | fast | blend (shipped) | encoder alone |\n|---|---|---:|---:|---:|---:|\n");
        for (EncoderHeads.Encoder e : written.encoders()) {
            com.fasterxml.jackson.databind.JsonNode d = written.manifest().path("dev").path(e.name())
                    .path("authoredDevDiagnostics");
            if (d.isMissingNode()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode fp = d.path("identityFalsePositiveRate");
            md.append("| ").append(e.name()).append(" | identity false-positive rate | ").append(fp.path("cases").asInt())
                    .append(" | ").append(pct(fp.path("fast").asDouble())).append(" | ").append(pct(fp.path("blend")
                    .asDouble())).append(" | ").append(pct(fp.path("encoderOnly").asDouble())).append(" |\n");
            com.fasterxml.jackson.databind.JsonNode mean = d.path("meanPassRateOverBehaviours");
            md.append("| ").append(e.name()).append(" | mean pass rate over behaviours | | ")
                    .append(pct(mean.path("fast").asDouble())).append(" | ").append(pct(mean.path("blend").asDouble()))
                    .append(" | ").append(pct(mean.path("encoderOnly").asDouble())).append(" |\n");
            d.path("passRateByBehaviour").fields().forEachRemaining(b -> md.append("| ").append(e.name())
                    .append(" | ").append(b.getKey()).append(" | ").append(b.getValue().path("cases").asInt())
                    .append(" | ").append(pct(b.getValue().path("fast").asDouble())).append(" | ")
                    .append(pct(b.getValue().path("blend").asDouble())).append(" | ")
                    .append(pct(b.getValue().path("encoderOnly").asDouble())).append(" |\n"));
        }
        return md.append('\n').toString();
    }

    /** The report's section on the variants compared on dev, from training/dev-variants.md when it exists. */
    private static String variantsTried() {
        java.nio.file.Path log = java.nio.file.Path.of("training/dev-variants.md");
        if (!java.nio.file.Files.exists(log)) {
            return "";
        }
        try {
            return variantsTried(log.toString(), java.nio.file.Files.readString(log));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The section that names the hand-kept log of the variants compared on dev and its last round when this report
     * was written: later rounds keep adding to the log, so a copy here would go stale.
     */
    static String variantsTried(String path, String log) {
        return "## Method: variants compared on dev\n\nEvery result in `" + path + "` is a dev number printed by "
                + "`--dev-only` runs, which score no test split, held-out template or fresh phrasing; where a round was "
                + "prompted by earlier test figures, its Why quotes them and says so. "
                + Evaluation.logPointer(path, log, ROUND_RESULT, "round") + "\n\n";
    }

    /** A round's result paragraph in training/dev-variants.md: "Round 52's result (...)". */
    static final java.util.regex.Pattern ROUND_RESULT = java.util.regex.Pattern.compile("(?m)^Round (\\d+)'s result");

    private static void count(Map<String, Map<Mode, int[]>> map, String key, Mode m, boolean hit) {
        int[] c = map.computeIfAbsent(key, k -> new EnumMap<>(Mode.class)).computeIfAbsent(m, k -> new int[2]);
        c[0] += hit ? 1 : 0;
        c[1]++;
    }

    private static void table(StringBuilder md, String key, Map<String, Map<Mode, int[]>> rows) {
        md.append("| ").append(key).append(" | cases | fast | accurate | balanced |\n|---|---:|---:|---:|---:|\n");
        rows.forEach((k, modes) -> {
            md.append("| ").append(k).append(" | ").append(modes.get(Mode.FAST)[1]);
            for (Mode m : Mode.values()) {
                int[] c = modes.get(m);
                md.append(" | ").append(pct(c[0] / (double) c[1]));
            }
            md.append(" |\n");
        });
    }

    private static Map<String, Object> rates(Map<String, Map<Mode, int[]>> rows) {
        Map<String, Object> out = new TreeMap<>();
        rows.forEach((k, modes) -> {
            Map<String, Object> r = new LinkedHashMap<>();
            modes.forEach((m, c) -> r.put(m.name().toLowerCase(), EncoderTrainCommand.round(c[0] / (double) c[1])));
            r.put("cases", modes.get(Mode.FAST)[1]);
            out.put(k, r);
        });
        return out;
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "–" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", v * 100);
    }
}
