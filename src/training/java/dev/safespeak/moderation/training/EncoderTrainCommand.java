package dev.safespeak.moderation.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.Normaliser;
import dev.safespeak.moderation.engine.OnnxTextModel;
import dev.safespeak.moderation.engine.TribuoClassifier;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains the accurate engine's heads: embeds the English (and Chinese) rows of the shared data and the authored
 * cases with the frozen bge-small encoders, fits one logistic head per attribute, calibrates it and picks its
 * threshold and its balanced-mode band on dev only, writes {@code encoder-heads.json}, then evaluates the three
 * modes on the test splits, the held-out-by-template authored suite and the fresh-phrasing set.
 *
 * <p>Usage: {@code training/train-encoder.sh [--data ../shared/data] [--out src/main/resources/models/default]
 * [--report docs/reports/model-quality-modes.md] [--train-cap 6000] [--dev-cap 1500] [--test-cap 3000]
 * [--authored-weights 20,60,150] [--authored-share 0.6] [--threads 2] [--seed 42]}.
 */
public final class EncoderTrainCommand {

    /** One evaluation or training row, public or authored. */
    record Item(String source, String language, Split split, String text, Map<Attribute, Boolean> labels,
                double weight, String behaviour, String group) {
        boolean authored() {
            return behaviour != null;
        }
    }

    /** Where an authored row is used. */
    enum Use { TRAIN, DEV, HELDOUT, FRESH, ROWLEVEL }

    /** The encoders this build knows, by language. */
    record EncoderSpec(String name, String onnx, String tokenizer, Set<String> languages) {
    }

    static final List<EncoderSpec> ENCODERS = List.of(
            new EncoderSpec("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
                    Set.of("en")),
            new EncoderSpec("bge-small-zh-v1.5-q", "bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json",
                    Set.of("zh")));

    private static final double[] BAND_HALF_WIDTHS = {0.0, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25,
        0.3, 0.4, 0.5};
    /** Per-attribute routing caps tried, widest first, for the balanced mode's bands. */
    private static final double[] ROUTING_CAPS = {0.15, 0.1, 0.08, 0.05, 0.03, 0.02, 0.01};
    /** Balanced mode sends at most this share of (dev) texts to the encoder, so it keeps most of fast's speed. */
    private static final double MAX_ROUTED = 0.12;
    /** Balanced mode keeps this share of accurate's dev gain over fast, with the narrowest band that does. */
    private static final double BAND_GAIN_SHARE = 0.8;

    private final CommandOptions options;
    private final Normaliser normaliser = new Normaliser();

    private EncoderTrainCommand(CommandOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new EncoderTrainCommand(CommandOptions.parse(args)).run();
    }

    private String opt(String name, String fallback) {
        return options.get(name, fallback);
    }

    private void run() throws Exception {
        long started = System.currentTimeMillis();
        long seed = options.getLong("seed", 42);
        Path data = Path.of(opt("data", "../shared/data"));
        Path out = Path.of(opt("out", "src/main/resources/models/default"));
        Path report = Path.of(opt("report", "docs/reports/model-quality-modes.md"));
        int threads = options.getInt("threads", Runtime.getRuntime().availableProcessors());
        Map<Split, Integer> caps = Map.of(Split.TRAIN, options.getInt("train-cap", 6000),
                Split.DEV, options.getInt("dev-cap", 1500), Split.TEST, options.getInt("test-cap", 3000));

        TribuoClassifier fast = opt("ngram", "").isEmpty() ? TribuoClassifier.loadDefault()
                : TribuoClassifier.load(Files.newInputStream(Path.of(opt("ngram", ""))));
        TrainCommand.log("fast model " + fast.version());

        Set<String> encoderLanguages = new java.util.TreeSet<>();
        ENCODERS.forEach(e -> encoderLanguages.addAll(e.languages()));

        // Public rows of the encoder languages, a seeded sample per (set, language, split).
        DataSets.Loaded loaded = DataSets.load(data);
        Map<String, String> checksums = new TreeMap<>(loaded.checksums());
        Map<String, List<Item>> groups = new TreeMap<>();
        for (LabelledText t : loaded.examples()) {
            if (encoderLanguages.contains(t.language())) {
                groups.computeIfAbsent(t.dataset() + "|" + t.language() + "|" + t.split(), k -> new ArrayList<>())
                        .add(new Item(t.dataset(), t.language(), t.split(), cut(t.text()), t.labels(), t.weight(),
                                null, null));
            }
        }
        List<Item> items = new ArrayList<>();
        Map<String, int[]> sampled = new TreeMap<>();
        for (Map.Entry<String, List<Item>> g : groups.entrySet()) {
            List<Item> rows = new ArrayList<>(g.getValue());
            Collections.shuffle(rows, new Random(seed ^ g.getKey().hashCode()));
            int cap = caps.get(rows.get(0).split());
            items.addAll(rows.subList(0, Math.min(cap, rows.size())));
            sampled.put(g.getKey(), new int[] {Math.min(cap, rows.size()), rows.size()});
        }

        // Authored rows: train and dev templates train and tune; held-out templates and fresh sentences only score.
        Map<Use, Path> authoredFiles = new LinkedHashMap<>();
        authoredFiles.put(Use.TRAIN, Path.of(opt("contrastive", "training/contrastive/train.tsv")));
        authoredFiles.put(Use.DEV, Path.of(opt("contrastive-dev", "training/contrastive/dev.tsv")));
        authoredFiles.put(Use.HELDOUT, Path.of(opt("heldout", "src/test/resources/functional/heldout.tsv")));
        authoredFiles.put(Use.FRESH, Path.of(opt("fresh", "src/test/resources/functional/fresh.tsv")));
        authoredFiles.put(Use.ROWLEVEL, Path.of(opt("rowlevel", "src/test/resources/functional/heldout-rowlevel.tsv")));
        Map<Use, List<Item>> authored = new EnumMap<>(Use.class);
        for (Map.Entry<Use, Path> f : authoredFiles.entrySet()) {
            List<Item> rows = new ArrayList<>();
            if (Files.exists(f.getValue())) {
                checksums.put("authored:" + f.getValue(), DataSets.sha256(f.getValue()));
                for (ContrastiveCase c : ContrastiveCase.read(f.getValue())) {
                    LabelledText ex = c.toExample(f.getKey() == Use.DEV ? Split.DEV : Split.TRAIN, 1.0);
                    rows.add(new Item("authored", c.language(), ex.split(), c.text(), ex.labels(), 1.0, c.behaviour(),
                            c.group()));
                }
            }
            authored.put(f.getKey(), rows);
            TrainCommand.log("authored " + f.getKey() + ": " + rows.size() + " cases from " + f.getValue());
        }
        if (authored.get(Use.DEV).isEmpty()) {
            throw new IllegalStateException("no authored dev cases: " + authoredFiles.get(Use.DEV) + " is missing");
        }

        // Fast scores of everything (the balanced mode and the fast-mode evaluation need them).
        List<Item> everything = new ArrayList<>(items);
        authored.values().forEach(everything::addAll);
        Map<Item, Map<Attribute, Double>> fastScores = new java.util.IdentityHashMap<>();
        for (Item it : everything) {
            fastScores.put(it, fast.score(normaliser.analyse(it.text()).withLanguage(it.language())));
        }

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> heads = new LinkedHashMap<>();
        String version = opt("version", DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-encoder");
        heads.put("format", EncoderHeads.FORMAT);
        heads.put("version", version);
        heads.put("ngramInputs", true);
        List<Map<String, Object>> encoderEntries = new ArrayList<>();
        Map<String, Object> devReport = new LinkedHashMap<>();

        Map<String, Embeddings> embeddingsByEncoder = new HashMap<>();
        for (EncoderSpec spec : ENCODERS) {
            List<Item> mine = everything.stream().filter(i -> spec.languages().contains(i.language())).toList();
            if (mine.stream().noneMatch(i -> i.split() == Split.TRAIN && !i.authored())) {
                TrainCommand.log("no training rows for " + spec.name() + ", skipped");
                continue;
            }
            byte[] onnxBytes;
            try (InputStream in = EncoderTrainCommand.class.getClassLoader().getResourceAsStream(spec.onnx())) {
                onnxBytes = in.readAllBytes();
            }
            String onnxSha = sha256(onnxBytes);
            OnnxTextModel model;
            try (InputStream tok = EncoderTrainCommand.class.getClassLoader().getResourceAsStream(spec.tokenizer())) {
                model = OnnxTextModel.load(onnxBytes, tok, 1, OnnxTextModel.DEFAULT_MAX_TOKENS);
            }
            Embeddings emb = new Embeddings(model, Path.of("target/training/embeddings-" + spec.name() + ".bin"));
            emb.embedAll(mine.stream().map(Item::text).toList(), threads);
            embeddingsByEncoder.put(spec.name(), emb);

            List<Item> train = new ArrayList<>();
            List<Item> dev = new ArrayList<>();
            Set<Item> authoredTrain = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            authoredTrain.addAll(authored.get(Use.TRAIN));
            Set<Item> authoredDev = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            authoredDev.addAll(authored.get(Use.DEV));
            for (Item i : mine) {
                boolean isAuthoredTrain = authoredTrain.contains(i);
                boolean isAuthoredDev = authoredDev.contains(i);
                if ((!i.authored() && i.split() == Split.TRAIN) || isAuthoredTrain) {
                    train.add(i);
                } else if ((!i.authored() && i.split() == Split.DEV) || isAuthoredDev) {
                    dev.add(i);
                }
            }
            Map<String, Object> headEntries = new LinkedHashMap<>();
            Map<String, Object> bandEntries = new LinkedHashMap<>();
            Map<String, Object> devOfEncoder = new LinkedHashMap<>();
            Map<Attribute, Trained> trained = new EnumMap<>(Attribute.class);
            for (Attribute a : Attribute.values()) {
                Trained t = trainAttribute(a, train, dev, emb, seed, fastScores);
                if (t != null) {
                    trained.put(a, t);
                }
            }
            // Bands: the widest per-attribute routing cap whose union still sends at most MAX_ROUTED of dev texts
            // to the encoder, so balanced mode stays close to fast mode's speed.
            Map<Attribute, double[]> bands = null;
            double union = 1;
            for (double cap : ROUTING_CAPS) {
                Map<Attribute, double[]> candidate = new EnumMap<>(Attribute.class);
                for (Map.Entry<Attribute, Trained> t : trained.entrySet()) {
                    candidate.put(t.getKey(), chooseBand(t.getKey(), dev, t.getValue(), emb, fastScores,
                            fast.defaultThresholds().getOrDefault(t.getKey(), 0.5), cap));
                }
                long routed = dev.stream().filter(i -> candidate.entrySet().stream().anyMatch(b -> {
                    double p = fastScores.get(i).getOrDefault(b.getKey(), 0.0);
                    return p >= b.getValue()[0] && p <= b.getValue()[1];
                })).count();
                bands = candidate;
                union = routed / (double) Math.max(1, dev.size());
                TrainCommand.log(String.format("  bands with a per-attribute cap of %.0f%% route %.1f%% of dev texts",
                        cap * 100, union * 100));
                if (union <= MAX_ROUTED) {
                    break;
                }
            }
            for (Map.Entry<Attribute, Trained> e : trained.entrySet()) {
                Attribute a = e.getKey();
                Trained t = e.getValue();
                // The blend folds into one linear head over [embedding, fast logits of every attribute].
                Map<String, Object> h = new LinkedHashMap<>();
                float[] w = t.head().weights;
                List<Double> weights = new ArrayList<>(w.length + Attribute.values().length);
                for (float f : w) {
                    weights.add(Math.round(t.alpha() * f * 1e6) / 1e6);
                }
                for (Attribute other : Attribute.values()) {
                    weights.add(other == a ? t.beta() : 0.0);
                }
                h.put("weights", weights);
                h.put("bias", t.alpha() * t.head().bias + t.gamma());
                h.put("plattA", 1.0);
                h.put("plattB", 0.0);
                h.put("threshold", t.threshold());
                h.put("blendedWithFastScore", t.blended());
                headEntries.put(a.name(), h);
                double[] band = bands.get(a);
                bandEntries.put(a.name(), List.of(band[0], band[1]));
                devOfEncoder.put(a.name(), Map.of("blended", t.blended(), "authoredWeight", t.authoredWeight(),
                        "devMacroF1", round(t.devF1()), "devAuthoredPass", round(t.devAuthoredPass()),
                        "threshold", t.threshold(), "band", List.of(band[0], band[1]),
                        "bandDevMacroF1", round(band[2]), "bandRouted", round(band[3])));
            }
            devOfEncoder.put("balancedRoutedShareOfDev", round(union));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", spec.name());
            entry.put("onnxResource", spec.onnx());
            entry.put("tokenizerResource", spec.tokenizer());
            entry.put("onnxSha256", onnxSha);
            entry.put("languages", List.copyOf(spec.languages()));
            entry.put("dimension", emb.get(mine.get(0).text()).length);
            entry.put("heads", headEntries);
            entry.put("band", bandEntries);
            encoderEntries.add(entry);
            devReport.put(spec.name(), devOfEncoder);
            model.close();
        }
        heads.put("encoders", encoderEntries);

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("trainedAt", Instant.now().toString());
        manifest.put("fastModelVersion", fast.version());
        manifest.put("seed", seed);
        manifest.put("options", new TreeMap<>(options.asMap()));
        manifest.put("javaVersion", System.getProperty("java.version"));
        manifest.put("onnxRuntime", "1.20.0");
        manifest.put("encoderLicences", Map.of("bge-small-en-v1.5 / bge-small-zh-v1.5 (BAAI)", "MIT",
                "ONNX exports (Xenova) packaged by langchain4j-embeddings", "Apache-2.0", "ONNX Runtime", "MIT"));
        manifest.put("dataChecksumsSha256", checksums);
        manifest.put("sampled", sampled);
        manifest.put("dev", devReport);
        heads.put("manifest", manifest);
        Files.createDirectories(out);
        Path headsFile = out.resolve("encoder-heads.json");
        json.writeValue(headsFile.toFile(), heads);
        TrainCommand.log("wrote " + headsFile);

        // Evaluation of the three modes with the heads just written.
        EncoderHeads written;
        try (InputStream in = Files.newInputStream(headsFile)) {
            written = EncoderHeads.read(in);
        }
        ModeEvaluation evaluation = new ModeEvaluation(written, fast, embeddingsByEncoder, fastScores);
        evaluation.testSplits(items.stream().filter(i -> i.split() == Split.TEST).toList());
        evaluation.functional("held-out templates", authored.get(Use.HELDOUT));
        evaluation.functional("fresh phrasings", authored.get(Use.FRESH));
        evaluation.functional("older row-level held-out split (optimistic: fills of its templates were trained on)",
                authored.get(Use.ROWLEVEL));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, evaluation.markdown(written, sampled, caps,
                (System.currentTimeMillis() - started) / 1000), StandardCharsets.UTF_8);
        json.writeValue(report.resolveSibling(report.getFileName().toString().replace(".md", ".json")).toFile(),
                evaluation.summary());
        TrainCommand.log("wrote " + report + " in " + (System.currentTimeMillis() - started) / 1000 + " s");
    }

    /**
     * A fitted head: {@code p = sigmoid(alpha * (w . embedding + b) + beta * fastLogit + gamma)}. beta is 0 for an
     * encoder-only head (alpha and gamma are then its Platt scaling); a blended head also weighs the fast model's
     * logit of the same attribute. The blend is fitted on one half of dev and judged on the other.
     */
    record Trained(LogisticHead head, double alpha, double beta, double gamma, double threshold, double authoredWeight,
                   double devF1, double devAuthoredPass, boolean blended) {
        double probability(float[] x, double fastLogit) {
            return 1 / (1 + Math.exp(-(alpha * head.margin(x) + beta * fastLogit + gamma)));
        }
    }

    /**
     * Fits the head of one attribute for each candidate authored weight, blended with the fast score, and keeps the one with the best objective on dev half B: public dev macro-F1 and the authored dev pass
     * rate for this attribute, weighed by {@code --authored-share} (default 0.6).
     */
    private Trained trainAttribute(Attribute a, List<Item> train, List<Item> dev, Embeddings emb, long seed,
                                   Map<Item, Map<Attribute, Double>> fastScores) {
        List<Item> tr = train.stream().filter(i -> i.labels().containsKey(a)).toList();
        List<Item> dv = dev.stream().filter(i -> i.labels().containsKey(a)).toList();
        long pos = tr.stream().filter(i -> i.labels().get(a)).count();
        if (pos < 20 || tr.size() - pos < 20 || dv.stream().noneMatch(i -> i.labels().get(a))) {
            TrainCommand.log("  " + a + ": too few labelled rows (" + tr.size() + ", " + pos + " positive), no head");
            return null;
        }
        float[][] x = new float[tr.size()][];
        boolean[] y = new boolean[tr.size()];
        double publicPos = 0;
        double publicNeg = 0;
        for (int i = 0; i < tr.size(); i++) {
            x[i] = emb.get(tr.get(i).text());
            y[i] = tr.get(i).labels().get(a);
            if (!tr.get(i).authored()) {
                if (y[i]) {
                    publicPos += tr.get(i).weight();
                } else {
                    publicNeg += tr.get(i).weight();
                }
            }
        }
        // Public rows are class-balanced (positives and negatives weigh the same in total), so rare attributes
        // such as THREAT still move the head; calibration on dev restores the real base rates.
        double posFactor = publicPos == 0 ? 1 : (publicPos + publicNeg) / (2 * publicPos);
        double negFactor = publicNeg == 0 ? 1 : (publicPos + publicNeg) / (2 * publicNeg);
        DevHalves halves = DevHalves.of(a, dv, emb, fastScores);
        double share = options.getDouble("authored-share", 0.6);
        double l2 = options.getDouble("l2", 1e-4);
        int epochs = options.getInt("epochs", 12);
        Trained best = null;
        double bestObjective = -1;
        for (String ws : opt("authored-weights", "20,60,150").split(",")) {
            double aw = Double.parseDouble(ws.trim());
            double[] w = new double[tr.size()];
            for (int i = 0; i < tr.size(); i++) {
                Item it = tr.get(i);
                w[i] = it.authored() ? aw : it.weight() * (y[i] ? posFactor : negFactor);
            }
            LogisticHead head = LogisticHead.fit(x, y, w, l2, epochs, seed);
            Trained candidate = blendAndJudge(a, dv, halves, head, aw, share, seed);
            double objective = (1 - share) * candidate.devF1() + share * candidate.devAuthoredPass();
            TrainCommand.log(String.format("  %s authored weight %.0f: dev-B macro-F1 %.3f, authored dev-B %.3f,"
                    + " threshold %.2f", a, aw, candidate.devF1(), candidate.devAuthoredPass(), candidate.threshold()));
            if (objective > bestObjective) {
                bestObjective = objective;
                best = candidate;
            }
        }
        TrainCommand.log("  " + a + " chose authored weight " + best.authoredWeight() + ", blended with the fast score");
        return best;
    }

    /**
     * The dev rows of one attribute, split once into half A (fits the blend with the fast score) and half B (picks
     * the threshold and judges), with their embeddings, labels and fast-model logits.
     */
    private record DevHalves(float[][] x, boolean[] y, double[] fastLogits, boolean[] inA, int sizeA) {

        static DevHalves of(Attribute a, List<Item> dv, Embeddings emb, Map<Item, Map<Attribute, Double>> fastScores) {
            float[][] x = new float[dv.size()][];
            boolean[] y = new boolean[dv.size()];
            double[] fastLogits = new double[dv.size()];
            boolean[] inA = new boolean[dv.size()];
            int sizeA = 0;
            for (int i = 0; i < dv.size(); i++) {
                x[i] = emb.get(dv.get(i).text());
                y[i] = dv.get(i).labels().get(a);
                fastLogits[i] = EncoderHeads.logit(fastScores.get(dv.get(i)).getOrDefault(a, 0.0));
                inA[i] = (dv.get(i).text().hashCode() & 1) == 0;
                sizeA += inA[i] ? 1 : 0;
            }
            return new DevHalves(x, y, fastLogits, inA, sizeA);
        }
    }

    /**
     * Blends {@code head}'s margin with the fast logit by a logistic regression on dev half A and judges the blend on
     * half B. Encoder-only (a zero weight on the fast logit) is a special case of the blend, so it is not a separate
     * candidate: choosing between the two on half of dev was noise (training/experiments.md, entry 12).
     */
    private static Trained blendAndJudge(Attribute a, List<Item> dv, DevHalves halves, LogisticHead head, double aw,
                                         double share, long seed) {
        double[] margins = new double[dv.size()];
        float[][] xa = new float[halves.sizeA()][];
        boolean[] ya = new boolean[halves.sizeA()];
        double[] wa = new double[halves.sizeA()];
        for (int i = 0, k = 0; i < dv.size(); i++) {
            margins[i] = head.margin(halves.x()[i]);
            if (halves.inA()[i]) {
                xa[k] = new float[] {(float) margins[i], (float) halves.fastLogits()[i]};
                ya[k] = halves.y()[i];
                wa[k] = 1;
                k++;
            }
        }
        LogisticHead blend = LogisticHead.fit(xa, ya, wa, 0, 60, seed);
        return judge(a, dv, halves.y(), halves.inA(), margins, halves.fastLogits(), head, blend.weights[0],
                blend.weights[1], blend.bias, aw, true, share);
    }

    /**
     * Picks the threshold on dev half B that maximises the objective there (public macro-F1 and the authored pass
     * rate, weighed by {@code share}), and reports both at that threshold.
     */
    private static Trained judge(Attribute a, List<Item> dv, boolean[] dy, boolean[] inA, double[] margins,
                                 double[] fastLogits, LogisticHead head, double alpha, double beta, double gamma,
                                 double aw, boolean blended, double share) {
        List<Integer> pub = new ArrayList<>();
        List<Integer> own = new ArrayList<>();
        double[] probs = new double[dv.size()];
        for (int i = 0; i < dv.size(); i++) {
            if (!inA[i]) {
                probs[i] = 1 / (1 + Math.exp(-(alpha * margins[i] + beta * fastLogits[i] + gamma)));
                (dv.get(i).authored() ? own : pub).add(i);
            }
        }
        double[] ps = new double[pub.size()];
        boolean[] pt = new boolean[pub.size()];
        for (int k = 0; k < pub.size(); k++) {
            ps[k] = probs[pub.get(k)];
            pt[k] = dy[pub.get(k)];
        }
        double bestThreshold = 0.5;
        double bestObjective = -1;
        double bestF1 = 0;
        double bestPass = 0;
        for (int step = 5; step <= 95; step++) {
            double th = step / 100.0;
            double f1 = pub.isEmpty() ? 0 : Metrics.of(ps, pt, th).macroF1();
            int ok = 0;
            for (int i : own) {
                if ((probs[i] >= th) == dy[i]) {
                    ok++;
                }
            }
            double pass = own.isEmpty() ? 0 : ok / (double) own.size();
            double objective = (1 - share) * f1 + share * pass;
            if (objective > bestObjective + 1e-12) {
                bestObjective = objective;
                bestThreshold = th;
                bestF1 = f1;
                bestPass = pass;
            }
        }
        return new Trained(head, alpha, beta, gamma, bestThreshold, aw, bestF1, bestPass, blended);
    }

    /**
     * The balanced mode's band for one attribute: the narrowest fast-score interval around the fast threshold in
     * which asking the encoder keeps {@link #BAND_GAIN_SHARE} of accurate's dev macro-F1 gain. Answers
     * {lo, hi, dev macro-F1 in balanced mode, share of dev texts routed to the encoder}.
     */
    private double[] chooseBand(Attribute a, List<Item> dev, Trained t, Embeddings emb,
                                Map<Item, Map<Attribute, Double>> fastScores, double fastThreshold, double cap) {
        List<Item> dv = dev.stream().filter(i -> i.labels().containsKey(a)).toList();
        boolean[] truth = new boolean[dv.size()];
        double[] fastP = new double[dv.size()];
        double[] encP = new double[dv.size()];
        for (int i = 0; i < dv.size(); i++) {
            truth[i] = dv.get(i).labels().get(a);
            fastP[i] = fastScores.get(dv.get(i)).getOrDefault(a, 0.0);
            encP[i] = t.probability(emb.get(dv.get(i).text()), EncoderHeads.logit(fastP[i]));
        }
        double fastF1 = macroF1(fastP, fastThreshold, encP, t.threshold(), truth, 2, 2);
        double accF1 = macroF1(fastP, fastThreshold, encP, t.threshold(), truth, -1, 2);
        double target = fastF1 + BAND_GAIN_SHARE * Math.max(0, accF1 - fastF1);
        double[] chosen = {fastThreshold, fastThreshold, fastF1, 0};
        for (double half : BAND_HALF_WIDTHS) {
            double lo = Math.max(0, fastThreshold - half);
            double hi = Math.min(1, fastThreshold + half);
            int routed = 0;
            for (double p : fastP) {
                if (p >= lo && p <= hi) {
                    routed++;
                }
            }
            double share = routed / (double) Math.max(1, dv.size());
            if (share > cap) {
                break;
            }
            double f1 = macroF1(fastP, fastThreshold, encP, t.threshold(), truth, lo, hi);
            if (f1 > chosen[2] + 1e-9) {
                chosen = new double[] {round(lo), round(hi), f1, share};
            }
            if (f1 >= target - 1e-9) {
                break;
            }
        }
        return chosen;
    }

    /** Macro-F1 when texts whose fast score lies in [lo, hi] take the encoder's verdict, the rest the fast one. */
    private static double macroF1(double[] fastP, double fastTh, double[] encP, double encTh, boolean[] truth,
                                  double lo, double hi) {
        double[] s = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            boolean routed = fastP[i] >= lo && fastP[i] <= hi;
            boolean flag = routed ? encP[i] >= encTh : fastP[i] >= fastTh;
            s[i] = flag ? 1 : 0;
        }
        return Metrics.of(s, truth, 0.5).macroF1();
    }

    private static String cut(String text) {
        return text.length() > TrainCommand.MAX_TRAIN_CHARS ? text.substring(0, TrainCommand.MAX_TRAIN_CHARS) : text;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
