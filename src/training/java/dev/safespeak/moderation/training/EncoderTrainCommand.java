package dev.safespeak.moderation.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.AccurateModels;
import dev.safespeak.moderation.engine.EncoderClassifier;
import dev.safespeak.moderation.engine.EncoderHeads;
import dev.safespeak.moderation.engine.EncoderInput;
import dev.safespeak.moderation.engine.Normaliser;
import dev.safespeak.moderation.engine.OnnxTextModel;
import dev.safespeak.moderation.engine.Pooling;
import dev.safespeak.moderation.engine.TribuoClassifier;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.io.IOException;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains the accurate engine's heads: embeds the English (and Chinese) rows of the shared data and the authored
 * cases with the frozen bge-small encoders, fits one head per attribute on the train rows (English: one hidden layer,
 * {@code --hidden-units}; Chinese: the same, {@code --hidden-units-zh}), then on the dev
 * rows (where the fast model's scores are out of sample) fits each head's blend with the fast model's scores, picks
 * its threshold on cross-fitted dev probabilities and its balanced-mode band; writes {@code encoder-heads.json}
 * (format {@value EncoderHeads#FORMAT}), then evaluates the three modes on the test splits, the held-out-by-template
 * authored suite and the fresh-phrasing set.
 *
 * <p>Usage: {@code training/train-encoder.sh [--data ../shared/data] [--out src/main/resources/models/default]
 * [--report docs/reports/model-quality-modes.md] [--train-cap 6000] [--dev-cap 1500] [--test-cap 3000]
 * [--authored-weights 20,60,150] [--authored-weights-for ATTRIBUTE=5,20;ATTRIBUTE=60] [--authored-share 0.9] [--loss-penalty 1] [--stacker-inputs own|all]
 * [--balance-sets false] [--stacker-l2 0.001] [--folds 5] [--threads 2] [--seed 42] [--version V]
 * [--contrastive-encoder training/contrastive/train-encoder-round27.tsv|none]
 * [--contrastive-dev-encoder training/contrastive/dev-encoder-round27.tsv|none] [--identity-fp-penalty 8]
 * [--identity-fp-attributes all|ATTRIBUTE,ATTRIBUTE] [--authored-pass-mean cases|behaviours]
 * [--stacker-authored-weight 10] [--stacker-authored-weight-zh 2] [--margin-only ATTRIBUTE,ATTRIBUTE] [--encoders all|name,name] [--dev-only false]
 * [--pooling cls|cls+mean|cls+max|cls+mean+max] [--encoder-input original|deobfuscated] [--identity-route none|C]
 * [--hidden-units 64] [--hidden-units-zh 64] [--ngram FILE] [--serving-ngram FILE] [--evaluate HEADS.json]}.
 * {@code --evaluate} fits nothing: it scores the three modes with an existing heads file (fitted against the
 * {@code --ngram} model) and writes the report, for instance after the default n-gram model changed (round 31).
 * {@code --ngram} is the n-gram model the heads' blend reads (default: the one shipped beside the committed heads, else
 * the default model); {@code --serving-ngram} the fast model the report's fast mode and the languages without heads use
 * (default: the default model).
 * {@code --dev-only true} stops after writing the heads: the dev numbers (and the authored dev diagnostics: fast, blend
 * and encoder alone, cross-fitted) are in the log and the manifest, and nothing is scored on a test split, a held-out
 * template or a fresh phrasing, so variants can be compared on dev alone.
 */
public final class EncoderTrainCommand {

    /** One evaluation or training row, public or authored. */
    record Item(String source, String language, Split split, String text, Map<Attribute, Boolean> labels,
                double weight, String behaviour, String group, String template) {
        boolean authored() {
            return behaviour != null;
        }
    }

    /** Where an authored row is used. */
    enum Use { TRAIN, DEV, HELDOUT, FRESH, ROWLEVEL }

    /** Fewest public (not authored) training positives an attribute needs for a head (session 17). */
    static final int MIN_PUBLIC_POSITIVES = 20;

    /** The encoders this build knows, by language (round 16 tried a third one: training/dev-variants.md). */
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
    /** Writes the heads file and the report's JSON, indented. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Normaliser normaliser = new Normaliser();

    EncoderTrainCommand(CommandOptions options) {
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
        // Refuse a bad objective or reading option before any data is read.
        authoredPassOverBehaviours();
        identityPenalised(identityFpAttributes(), Attribute.TOXICITY);
        for (Attribute a : Attribute.values()) {
            authoredWeights(opt("authored-weights", "20,60,150"), opt("authored-weights-for", ""), a);
        }
        pooling();
        chosenEncoderInput();
        identityRoute();
        hiddenUnits();
        hiddenUnitsZh();
        stackerAuthoredWeight();
        stackerAuthoredWeightZh();
        Path data = Path.of(opt("data", "../shared/data"));
        Path out = Path.of(opt("out", "src/main/resources/models/default"));
        Path report = Path.of(opt("report", "docs/reports/model-quality-modes.md"));
        int threads = options.getInt("threads", Runtime.getRuntime().availableProcessors());
        Map<Split, Integer> caps = Map.of(Split.TRAIN, options.getInt("train-cap", 6000),
                Split.DEV, options.getInt("dev-cap", 1500), Split.TEST, options.getInt("test-cap", 3000));

        Path evaluateOnly = opt("evaluate", "").isEmpty() ? null : Path.of(opt("evaluate", ""));
        TribuoClassifier serving = opt("serving-ngram", "").isEmpty() ? TribuoClassifier.loadDefault()
                : loadModel(Path.of(opt("serving-ngram", "")));
        TribuoClassifier blendModel = opt("ngram", "").isEmpty() ? pinnedOr(serving)
                : loadModel(Path.of(opt("ngram", "")));
        // The same version twice (--ngram naming the default model's file): one model, scored once.
        TribuoClassifier fast = blendModel.version().equals(serving.version()) ? serving : blendModel;
        if (evaluateOnly != null && Boolean.parseBoolean(opt("dev-only", "false"))) {
            throw new IllegalArgumentException("--evaluate scores the test splits and held-out suites; it cannot be"
                    + " combined with --dev-only true");
        }
        TrainCommand.log("fast model " + serving.version() + (fast == serving ? ""
                : "; the heads are fitted against n-gram model " + fast.version()));

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
                                null, null, null));
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
                            c.group(), c.template()));
                }
            }
            authored.put(f.getKey(), rows);
            TrainCommand.log("authored " + f.getKey() + ": " + rows.size() + " cases from " + f.getValue());
        }
        // Training-only templates for the encoder heads (round5.py to round9.py, and since round 28 round27.py's
        // Chinese ones) and dev-only ones (round7.py, round9.py, round27.py): the fast model reads neither file;
        // "none" leaves a file out. The round-27 files are train-encoder.tsv and dev-encoder.tsv followed by round
        // 27's Chinese rows, so the English heads read the same rows as before.
        addEncoderOnly(authored, Use.TRAIN, opt("contrastive-encoder",
                "training/contrastive/train-encoder-round27.tsv"), checksums);
        addEncoderOnly(authored, Use.DEV, opt("contrastive-dev-encoder",
                "training/contrastive/dev-encoder-round27.tsv"), checksums);
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

        Map<String, Object> heads = new LinkedHashMap<>();
        String version = opt("version", DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC)
                .format(Instant.now()) + "-encoder");
        heads.put("format", EncoderHeads.FORMAT);
        heads.put("version", version);
        List<Map<String, Object>> encoderEntries = new ArrayList<>();
        Map<String, Object> devReport = new LinkedHashMap<>();

        Map<String, Embeddings> embeddingsByEncoder = new HashMap<>();
        TrainCommand.log("the heads read the " + pooling().key() + " vector of the " + chosenEncoderInput().key()
                + " English text");
        Set<String> onlyEncoders = opt("encoders", "all").equals("all") ? null : Set.of(opt("encoders", "").split(","));
        for (EncoderSpec spec : ENCODERS) {
            if (onlyEncoders != null && !onlyEncoders.contains(spec.name())) {
                TrainCommand.log("--encoders leaves out " + spec.name());
                continue;
            }
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
            EncoderInput input = encoderInput(spec);
            Embeddings emb = new Embeddings(model, onnxSha,
                    Path.of("target/training/embeddings-" + spec.name() + "-cls-mean-max-per-text.bin"), pooling(),
                    text -> input.of(normaliser.analyse(text)));
            try (emb) { // holds the cache's lock while it is read and written; the vectors stay in memory
                emb.embedAll(mine.stream().map(Item::text).toList(), threads);
            }
            embeddingsByEncoder.put(spec.name(), emb);
            if (evaluateOnly != null) {
                model.close();
                continue;
            }

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
                Trained t = trainAttribute(a, train, dev, emb, seed, fastScores, fast.defaultThresholds(),
                        hiddenUnits(spec), stackerAuthoredWeight(spec));
                if (t != null) {
                    trained.put(a, t);
                }
            }
            if (trained.isEmpty()) {
                // An encoder without a head would run on every text of its languages and score nothing.
                TrainCommand.log("no head for " + spec.name() + ": it is left out of the heads file");
                model.close();
                continue;
            }
            // Bands: the widest per-attribute routing cap whose union still sends at most MAX_ROUTED of dev texts
            // to the encoder, so balanced mode stays close to fast mode's speed.
            Map<Attribute, double[]> bands = null;
            double union = 1;
            for (double cap : ROUTING_CAPS) {
                Map<Attribute, double[]> candidate = new EnumMap<>(Attribute.class);
                for (Map.Entry<Attribute, Trained> t : trained.entrySet()) {
                    candidate.put(t.getKey(), chooseBand(t.getValue(), cap));
                }
                bands = candidate;
                union = routedShare(dev, bands, OptionalDouble.empty(), fastScores);
                TrainCommand.log(String.format("  bands with a per-attribute cap of %.0f%% route %.1f%% of dev texts",
                        cap * 100, union * 100));
                if (union <= MAX_ROUTED) {
                    break;
                }
            }
            // Round 18: balanced mode may also ask the encoder for every text whose fast IDENTITY_ATTACK score is at
            // least the identity route, whatever was requested (the fast model's identity false positives).
            OptionalDouble route = identityRoute();
            if (route.isPresent()) {
                union = routedShare(dev, bands, route, fastScores);
                TrainCommand.log(String.format("  with the identity route at %.2f balanced mode routes %.1f%% of dev texts",
                        route.getAsDouble(), union * 100));
            }
            Map<Attribute, Double> balancedF1 = balancedDevF1(trained, bands, route, fastScores);
            for (Map.Entry<Attribute, Trained> e : trained.entrySet()) {
                Attribute a = e.getKey();
                Trained t = e.getValue();
                Map<String, Object> h = headJson(t.head(), t.blend());
                h.put("threshold", t.threshold());
                headEntries.put(a.name(), h);
                double[] band = bands.get(a);
                bandEntries.put(a.name(), List.of(band[0], band[1]));
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("authoredWeight", t.authoredWeight());
                d.put("threshold", t.threshold());
                d.put("devMeanMacroF1PerSet", Math.round(t.devF1() * 1e5) / 1e5); // 5 decimals: criteria compare means
                d.put("devAuthoredPass", round(t.devAuthoredPass()));
                d.put("fastDevMeanMacroF1PerSet", round(t.fastDevF1()));
                d.put("fastDevAuthoredPass", round(t.fastDevAuthoredPass()));
                d.put("encoderOnlyDevMeanMacroF1PerSet", round(t.encoderOnlyDevF1()));
                d.put("encoderOnlyThreshold", t.encoderOnlyThreshold());
                d.put("devMacroF1PerSet", t.devPerSet());
                d.put("band", List.of(band[0], band[1]));
                d.put("bandDevMacroF1", round(band[2]));
                d.put("bandRouted", round(band[3]));
                d.put("balancedDevMeanMacroF1PerSet", Math.round(balancedF1.get(a) * 1e5) / 1e5);
                devOfEncoder.put(a.name(), d);
            }
            devOfEncoder.put("balancedRoutedShareOfDev", round(union));
            devOfEncoder.put("balancedRoutedShareOfPublicDev", round(routedShare(
                    dev.stream().filter(i -> !i.authored()).toList(), bands, route, fastScores)));
            devOfEncoder.put("authoredDevDiagnostics", authoredDevDiagnostics(spec, trained, bands, route,
                    authored.get(Use.DEV), fastScores, fast, serving));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", spec.name());
            entry.put("onnxResource", spec.onnx());
            entry.put("tokenizerResource", spec.tokenizer());
            entry.put("onnxSha256", onnxSha);
            entry.put("languages", List.copyOf(spec.languages()));
            entry.put("dimension", emb.get(mine.get(0).text()).length);
            entry.put("hiddenUnits", hiddenUnits(spec));
            entry.put("pooling", pooling().key());
            entry.put("input", encoderInput(spec).key());
            entry.put("heads", headEntries);
            entry.put("band", bandEntries);
            route.ifPresent(r -> entry.put("identityRoute", r));
            encoderEntries.add(entry);
            devReport.put(spec.name(), devOfEncoder);
            model.close();
        }
        Path headsFile;
        if (evaluateOnly != null) {
            headsFile = evaluateOnly;
        } else {
            headsFile = out.resolve("encoder-heads.json");
            writeHeads(heads, encoderEntries, devReport, fast, checksums, sampled, headsFile);
            if (Boolean.parseBoolean(opt("dev-only", "false"))) {
                // Selection runs: dev numbers only (in the log and the manifest); no test split, held-out template or
                // fresh phrasing is scored, so comparing variants never looks at them.
                TrainCommand.log("--dev-only: no evaluation on test splits or held-out suites");
                return;
            }
        }
        evaluate(headsFile, fast, serving, embeddingsByEncoder, fastScores, everything, items, authored, sampled, caps,
                report, started);
    }

    private void writeHeads(Map<String, Object> heads, List<Map<String, Object>> encoderEntries,
                            Map<String, Object> devReport, TribuoClassifier fast, Map<String, String> checksums,
                            Map<String, int[]> sampled, Path headsFile) throws IOException {
        heads.put("encoders", encoderEntries);

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("trainedAt", Instant.now().toString());
        manifest.put("fastModelVersion", fast.version());
        manifest.put("seed", options.getLong("seed", 42));
        manifest.put("options", new TreeMap<>(options.asMap()));
        Map<String, Object> blendSettings = new LinkedHashMap<>();
        blendSettings.put("fittedOn", "dev rows (public dev splits and the authored dev templates)");
        blendSettings.put("stackerInputs", opt("stacker-inputs", "own"));
        blendSettings.put("pooling", pooling().key());
        blendSettings.put("encoderInput", chosenEncoderInput().key());
        blendSettings.put("balanceSets", Boolean.parseBoolean(opt("balance-sets", "false")));
        blendSettings.put("stackerAuthoredWeight", stackerAuthoredWeight());
        blendSettings.put("stackerAuthoredWeightZh", stackerAuthoredWeightZh());
        blendSettings.put("identityFpPenalty", identityFpPenalty());
        blendSettings.put("identityFpAttributes", identityFpAttributes());
        blendSettings.put("authoredPassMean", authoredPassMean());
        blendSettings.put("stackerL2", options.getDouble("stacker-l2", 1e-3));
        blendSettings.put("marginOnly", opt("margin-only", ""));
        blendSettings.put("crossFitFolds", options.getInt("folds", 5));
        blendSettings.put("objective", "(1 - authoredShare) * mean public dev macro-F1 per set + authoredShare * "
                + "authored dev pass rate (over authoredPassMean) - lossPenalty * sum over public dev sets of "
                + "max(0, fast F1 - blend F1) - identityFpPenalty * authored dev identity false-positive rate "
                + "(for identityFpAttributes)");
        blendSettings.put("authoredShare", authoredShare());
        blendSettings.put("lossPenalty", lossPenalty());
        blendSettings.put("authoredWeights", opt("authored-weights", "20,60,150"));
        if (!opt("authored-weights-for", "").isBlank()) {
            blendSettings.put("authoredWeightsFor", opt("authored-weights-for", ""));
        }
        manifest.put("blend", blendSettings);
        manifest.put("javaVersion", System.getProperty("java.version"));
        manifest.put("onnxRuntime", "1.20.0");
        manifest.put("encoderLicences", Map.of("bge-small-en-v1.5 / bge-small-zh-v1.5 (BAAI)", "MIT",
                "ONNX exports (Xenova) packaged by langchain4j-embeddings", "Apache-2.0", "ONNX Runtime", "MIT"));
        manifest.put("dataChecksumsSha256", checksums);
        manifest.put("sampled", sampled);
        manifest.put("dev", devReport);
        heads.put("manifest", manifest);
        Files.createDirectories(headsFile.toAbsolutePath().getParent());
        JSON.writeValue(headsFile.toFile(), heads);
        TrainCommand.log("wrote " + headsFile);
    }

    /** Evaluation of the three modes with a heads file (the one just written, or {@code --evaluate}'s). */
    private void evaluate(Path headsFile, TribuoClassifier fast, TribuoClassifier serving,
                          Map<String, Embeddings> embeddingsByEncoder, Map<Item, Map<Attribute, Double>> fastScores,
                          List<Item> everything, List<Item> items, Map<Use, List<Item>> authored, Map<String, int[]> sampled,
                          Map<Split, Integer> caps, Path report, long started) throws IOException {
        EncoderHeads written;
        try (InputStream in = Files.newInputStream(headsFile)) {
            written = EncoderHeads.read(in);
        }
        String fitted = written.manifest().path("fastModelVersion").asText("");
        if (!fitted.equals(fast.version())) {
            throw new IllegalArgumentException("the heads " + headsFile + " were fitted against n-gram model " + fitted
                    + ", but --ngram gives " + fast.version());
        }
        Map<Item, Map<Attribute, Double>> servingScores = fastScores;
        if (serving != fast) {
            servingScores = new java.util.IdentityHashMap<>();
            for (Item it : everything) {
                servingScores.put(it, serving.score(normaliser.analyse(it.text()).withLanguage(it.language())));
            }
        }
        ModeEvaluation evaluation = new ModeEvaluation(written, fast, embeddingsByEncoder, fastScores, serving,
                servingScores);
        evaluation.testSplits(items.stream().filter(i -> i.split() == Split.TEST).toList());
        evaluation.functional("held-out templates", authored.get(Use.HELDOUT));
        evaluation.functional("fresh phrasings", authored.get(Use.FRESH));
        evaluation.functional("older row-level held-out split (optimistic: fills of its templates were trained on)",
                authored.get(Use.ROWLEVEL));
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, evaluation.markdown(written, sampled, caps,
                (System.currentTimeMillis() - started) / 1000, commandLine()), StandardCharsets.UTF_8);
        JSON.writeValue(report.resolveSibling(report.getFileName().toString().replace(".md", ".json")).toFile(),
                evaluation.summary());
        TrainCommand.log("wrote " + report + " in " + (System.currentTimeMillis() - started) / 1000 + " s");
    }

    /** This run's command line, for the report's Reproduce section. */
    private String commandLine() {
        StringBuilder line = new StringBuilder("training/train-encoder.sh");
        options.asMap().forEach((k, v) -> line.append(" --").append(k).append(' ').append(v));
        return line.toString();
    }

    private static TribuoClassifier loadModel(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TribuoClassifier.load(in);
        }
    }

    /**
     * The n-gram model the heads are fitted against by default: the one the committed heads ship beside
     * ({@link AccurateModels#PINNED_NGRAM_RESOURCE}, round 31) when there is one, so a plain run reproduces them; else
     * the serving model. {@code --ngram FILE} fits them against another (the default model's file, to refit them
     * against it).
     */
    private static TribuoClassifier pinnedOr(TribuoClassifier serving) throws IOException {
        TribuoClassifier pinned = AccurateModels.shippedNgram();
        try (InputStream heads = EncoderTrainCommand.class.getClassLoader()
                .getResourceAsStream("models/default/encoder-heads.json")) {
            if (pinned == null || heads == null) {
                return serving;
            }
            String named = EncoderHeads.read(heads).manifest().path("fastModelVersion").asText("");
            // Only the model the committed heads name; another file there would be a packaging mistake.
            if (!pinned.version().equals(named)) {
                throw new IllegalStateException(AccurateModels.PINNED_NGRAM_RESOURCE + " holds " + pinned.version()
                        + ", but the committed heads were fitted against " + named);
            }
            return pinned;
        }
    }

    /** A trained head: the encoder margin of one attribute (linear, or with a hidden layer: round 19). */
    interface HeadModel {
        double margin(float[] x);
    }

    /**
     * A fitted head and its blend: {@code p = sigmoid(a * (w . embedding + b) + sum_k b_k * fastLogit_k + c)}, with
     * its threshold, the authored weight it was trained with, its cross-fitted dev probabilities (in the order of the
     * attribute's labelled dev rows) and what they reached on dev.
     */
    record Trained(HeadModel head, EncoderHeads.Blend blend, double threshold, double authoredWeight,
                   double devF1, double devAuthoredPass, double fastDevF1, double fastDevAuthoredPass,
                   Map<String, Object> devPerSet, double[] devProbabilities, DevRows rows,
                   double[] encoderOnlyProbabilities, double encoderOnlyThreshold, double encoderOnlyDevF1) {
    }

    /**
     * Whether the head of {@code a} is blended with no fast input (a stacker on the encoder margin alone, the blend's
     * fast weights empty): {@code --margin-only} lists such attributes, comma-separated; none by default.
     */
    private boolean marginOnly(Attribute a) {
        String list = opt("margin-only", "");
        for (String name : list.split(",")) {
            if (!name.isBlank() && Attribute.valueOf(name.trim()) == a) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the encoder reads ({@code --encoder-input original|deobfuscated}, decision 107): the option is for the
     * English encoder; the Chinese one reads the raw text (the normaliser's leetspeak rules are for Latin script).
     */
    private EncoderInput encoderInput(EncoderSpec spec) {
        return spec.languages().contains("en") ? chosenEncoderInput() : EncoderInput.ORIGINAL;
    }

    private EncoderInput chosenEncoderInput() {
        return named("--encoder-input", () -> EncoderInput.parse(opt("encoder-input", "original")));
    }

    /** Which vector of the encoder's outputs the heads read ({@code --pooling cls|cls+mean|cls+max|cls+mean+max}, decisions 106 and 109). */
    private Pooling pooling() {
        return named("--pooling", () -> Pooling.parse(opt("pooling", "cls")));
    }

    /**
     * The option {@code --identity-route none|C} (round 18): balanced mode also asks the encoder for every text whose
     * fast IDENTITY_ATTACK score is at least C, above 0 and at most 1, whatever attributes were requested
     * ({@code identityRoute} of the encoder in the heads file). (No brackets here: Spring Modulith's documentation
     * reads these comments with a JSON parser that counts them.)
     */
    private OptionalDouble identityRoute() {
        return named("--identity-route", () -> {
            String v = opt("identity-route", "none");
            if (v.equals("none")) {
                return OptionalDouble.empty();
            }
            double c;
            try {
                c = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                c = Double.NaN;
            }
            if (!(c > 0 && c <= 1)) {
                throw new IllegalArgumentException("expected none or a fast IDENTITY_ATTACK score in (0, 1], got " + v);
            }
            return OptionalDouble.of(c);
        });
    }

    /**
     * The hidden units of an encoder's heads: {@code --hidden-units} for the English encoder, {@code --hidden-units-zh}
     * for the Chinese one.
     */
    private int hiddenUnits(EncoderSpec spec) {
        return chinese(spec) ? hiddenUnitsZh() : hiddenUnits();
    }

    /** Whether an encoder is the Chinese one, whose heads have options of their own (the {@code -zh} ones). */
    private static boolean chinese(EncoderSpec spec) {
        return spec.languages().contains("zh");
    }

    /**
     * A head as the heads file stores it (format 2, read by {@code EncoderHeads}): its weights, bias, hidden layer if
     * any, and blend; the caller adds the threshold.
     */
    static Map<String, Object> headJson(HeadModel head, EncoderHeads.Blend blend) {
        Map<String, Object> h = new LinkedHashMap<>();
        if (head instanceof LogisticHead linear) {
            h.put("weights", rounded(linear.weights));
            h.put("bias", linear.bias);
        } else {
            MlpHead network = (MlpHead) head;
            Map<String, Object> hidden = new LinkedHashMap<>(); // insertion order: the file is byte-stable per run
            hidden.put("weights", rounded(network.hiddenWeights()));
            hidden.put("bias", rounded(network.hiddenBias()));
            h.put("hidden", hidden);
            h.put("weights", rounded(network.outputWeights()));
            h.put("bias", network.outputBias());
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("encoder", blend.encoder());
        Map<String, Object> fastWeights = new LinkedHashMap<>();
        blend.fast().forEach((k, v) -> fastWeights.put(k.name(), v));
        b.put("fast", fastWeights);
        b.put("bias", blend.bias());
        h.put("blend", b);
        return h;
    }

    private static List<Double> rounded(float[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (float f : values) {
            out.add(Math.round(f * 1e6) / 1e6);
        }
        return out;
    }

    /**
     * The option {@code --hidden-units N} (round 19, decision 108): 0 fits linear heads, N > 0 heads with one hidden
     * ReLU layer of N units, for the English encoder (the Chinese one has {@code --hidden-units-zh}); 64 by default
     * since round 21 (32 in round 19).
     */
    private int hiddenUnits() {
        return unitsOption("hidden-units", 64);
    }

    /**
     * The option {@code --hidden-units-zh N}: the same for the Chinese encoder's heads; 64 by default since round 25
     * (linear, 0, before).
     */
    private int hiddenUnitsZh() {
        return unitsOption("hidden-units-zh", 64);
    }

    private int unitsOption(String name, int byDefault) {
        int n = options.getInt(name, byDefault);
        if (n < 0) {
            throw new IllegalArgumentException("--" + name + " is " + n + ", expected 0 (linear heads) or more");
        }
        return n;
    }

    /** Reads an option's value, naming the option in the message when it is refused. */
    private static <T> T named(String option, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** The fast model's attributes a stacker reads for attribute {@code a}: all of them, or only {@code a}. */
    private List<Attribute> stackerInputs(Attribute a) {
        return switch (opt("stacker-inputs", "own")) {
            case "all" -> List.of(Attribute.values());
            case "own" -> List.of(a);
            default -> throw new IllegalArgumentException("--stacker-inputs is " + opt("stacker-inputs", "")
                    + ", expected all or own");
        };
    }

    /**
     * Whether the public (not authored) rows give attribute {@code a} a head: at least {@link #MIN_PUBLIC_POSITIVES}
     * training positives and one dev positive; logs why not.
     */
    static boolean enoughPublicPositives(Attribute a, List<Item> train, List<Item> dev) {
        long publicPositives = train.stream().filter(i -> !i.authored() && Boolean.TRUE.equals(i.labels().get(a)))
                .count();
        long publicDevPositives = dev.stream().filter(i -> !i.authored() && Boolean.TRUE.equals(i.labels().get(a)))
                .count();
        if (publicPositives < MIN_PUBLIC_POSITIVES || publicDevPositives == 0) {
            TrainCommand.log("  " + a + ": " + publicPositives + " public training and " + publicDevPositives
                    + " public dev positives (at least " + MIN_PUBLIC_POSITIVES + " and 1 needed), no head");
            return false;
        }
        return true;
    }

    /**
     * Fits the head of one attribute for each candidate authored weight and its blend with the fast scores on dev,
     * and keeps the candidate with the best dev objective (see {@link #judge}).
     */
    private Trained trainAttribute(Attribute a, List<Item> train, List<Item> dev, Embeddings emb, long seed,
                                   Map<Item, Map<Attribute, Double>> fastScores, Map<Attribute, Double> fastThresholds,
                                   int hiddenUnits, double stackerAuthoredWeight) {
        List<Item> tr = train.stream().filter(i -> i.labels().containsKey(a)).toList();
        List<Item> dv = dev.stream().filter(i -> i.labels().containsKey(a)).toList();
        long pos = tr.stream().filter(i -> i.labels().get(a)).count();
        if (pos < 20 || tr.size() - pos < 20 || dv.stream().noneMatch(i -> i.labels().get(a))) {
            TrainCommand.log("  " + a + ": too few labelled rows (" + tr.size() + ", " + pos + " positive), no head");
            return null;
        }
        // A head needs public positives to learn from and to choose its threshold on: fitted on authored rows alone
        // (the Chinese THREAT head up to r35: the public Chinese sets hold no threat), its threshold answered only
        // the authored dev templates, and it flagged everyday short messages ("哈哈哈", "明天见") as THREAT. Without
        // one, the attribute keeps the n-gram model's score and threshold.
        if (!enoughPublicPositives(a, tr, dv)) {
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
        // such as THREAT still move the head; the blend on dev restores the real base rates.
        double posFactor = publicPos == 0 ? 1 : (publicPos + publicNeg) / (2 * publicPos);
        double negFactor = publicNeg == 0 ? 1 : (publicPos + publicNeg) / (2 * publicNeg);
        DevRows rows = DevRows.of(a, dv, emb, fastScores, stackerInputs(a), options.getInt("folds", 5),
                fastThresholds.getOrDefault(a, 0.5), Boolean.parseBoolean(opt("balance-sets", "false")),
                stackerAuthoredWeight);
        double l2 = options.getDouble("l2", 1e-4);
        int epochs = options.getInt("epochs", 12);
        Trained best = null;
        double bestObjective = Double.NEGATIVE_INFINITY;
        for (double aw : authoredWeights(opt("authored-weights", "20,60,150"), opt("authored-weights-for", ""), a)) {
            double[] w = new double[tr.size()];
            for (int i = 0; i < tr.size(); i++) {
                Item it = tr.get(i);
                w[i] = it.authored() ? aw : it.weight() * (y[i] ? posFactor : negFactor);
            }
            HeadModel head = hiddenUnits > 0 ? MlpHead.fit(x, y, w, l2, epochs, hiddenUnits, seed)
                    : LogisticHead.fit(x, y, w, l2, epochs, seed);
            double[] margins = new double[dv.size()];
            for (int i = 0; i < dv.size(); i++) {
                margins[i] = head.margin(rows.x()[i]);
            }
            boolean marginOnly = marginOnly(a);
            double[] oof = rows.crossFitted(margins, options.getDouble("stacker-l2", 1e-3), marginOnly);
            Judged judged = judge(rows, oof);
            TrainCommand.log(String.format(java.util.Locale.ROOT, "  %s authored weight %.0f: dev mean macro-F1 per"
                    + " set %.3f (fast %.3f), authored dev pass %.3f (fast %.3f), threshold %.2f, objective %.4f", a,
                    aw, judged.meanF1(), rows.fastMeanF1(), judged.authoredPass(),
                    rows.fastAuthoredPass(authoredPassOverBehaviours()), judged.threshold(), judged.objective()));
            if (judged.objective() > bestObjective) {
                bestObjective = judged.objective();
                Stacker stacker = rows.fit(margins, options.getDouble("stacker-l2", 1e-3), marginOnly);
                List<Attribute> inputs = marginOnly ? List.of() : stackerInputs(a);
                Map<Attribute, Double> fastWeights = new EnumMap<>(Attribute.class);
                for (int k = 0; k < inputs.size(); k++) {
                    fastWeights.put(inputs.get(k), round6(stacker.coefficients[1 + k]));
                }
                EncoderHeads.Blend blend = new EncoderHeads.Blend(round6(stacker.coefficients[0]), fastWeights,
                        round6(stacker.bias()));
                // The same head without the fast model's logits (a stacker on the encoder margin alone), judged by the
                // same objective: a dev diagnostic of what the blend adds or costs, never used for scoring.
                double[] encoderOnly = rows.crossFitted(margins, options.getDouble("stacker-l2", 1e-3), true);
                Judged encoderJudged = judge(rows, encoderOnly);
                best = new Trained(head, blend, judged.threshold(), aw, judged.meanF1(), judged.authoredPass(),
                        rows.fastMeanF1(), rows.fastAuthoredPass(authoredPassOverBehaviours()), judged.perSet(), oof,
                        rows, encoderOnly, encoderJudged.threshold(), encoderJudged.meanF1());
            }
        }
        TrainCommand.log("  " + a + " chose authored weight " + best.authoredWeight() + ", blend " + best.blend());
        return best;
    }

    /**
     * The labelled dev rows of one attribute with their embeddings, labels, dev set (public set name, or
     * {@code authored}), the fast model's logits that the stacker reads and the cross-fitting fold of each row.
     * Folds keep an authored template's fills together and split public rows by text, so no blend is judged on a row
     * (or a fill of a template) it was fitted on.
     */
    record DevRows(Attribute attribute, List<Item> items, float[][] x, boolean[] y, String[] set,
                           double[][] fastLogits, double[] fastProbability, double fastThreshold, int[] fold, int folds,
                           double[] weight, boolean[] identityNeutral) {

        static DevRows of(Attribute a, List<Item> dv, Embeddings emb, Map<Item, Map<Attribute, Double>> fastScores,
                          List<Attribute> inputs, int folds, double fastThreshold, boolean balanceSets,
                          double authoredWeight) {
            int n = dv.size();
            float[][] x = new float[n][];
            boolean[] y = new boolean[n];
            String[] set = new String[n];
            double[][] fastLogits = new double[n][inputs.size()];
            double[] fastProbability = new double[n];
            int[] fold = new int[n];
            Map<String, Integer> perSet = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                Item it = dv.get(i);
                x[i] = emb.get(it.text());
                y[i] = it.labels().get(a);
                set[i] = it.source();
                perSet.merge(set[i], 1, Integer::sum);
                Map<Attribute, Double> f = fastScores.get(it);
                for (int k = 0; k < inputs.size(); k++) {
                    fastLogits[i][k] = EncoderHeads.logit(f.getOrDefault(inputs.get(k), 0.0));
                }
                fastProbability[i] = f.getOrDefault(a, 0.0);
                String key = it.authored() ? "template:" + it.template() : "text:" + it.text();
                fold[i] = Math.floorMod(mix(key.hashCode()), folds);
            }
            // Every dev row weighs the same in the blend's fit, or (--balance-sets) every dev set does; an authored
            // dev row weighs --stacker-authored-weight times that (10 by default, chosen on dev: training/dev-variants.md,
            // round 8), for the Chinese encoder --stacker-authored-weight-zh (2 by default since round 28).
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                weight[i] = (balanceSets ? n / (double) (perSet.size() * perSet.get(set[i])) : 1)
                        * (dv.get(i).authored() ? authoredWeight : 1);
            }
            boolean[] identityNeutral = new boolean[n];
            for (int i = 0; i < n; i++) {
                identityNeutral[i] = EncoderTrainCommand.identityNeutral(dv.get(i));
            }
            return new DevRows(a, dv, x, y, set, fastLogits, fastProbability, fastThreshold, fold, folds, weight,
                    identityNeutral);
        }

        private static int mix(int h) {
            h ^= h >>> 16;
            h *= 0x7feb352d;
            h ^= h >>> 15;
            h *= 0x846ca68b;
            return h ^ (h >>> 16);
        }

        private double[] input(int i, double margin, boolean marginOnly) {
            if (marginOnly) {
                return new double[] {margin};
            }
            double[] in = new double[1 + fastLogits[i].length];
            in[0] = margin;
            System.arraycopy(fastLogits[i], 0, in, 1, fastLogits[i].length);
            return in;
        }

        /**
         * Share of the authored dev rows that mention an identity group without attacking it (neutral, positive,
         * negated, counter-speech, reclaimed) which are flagged at {@code p >= threshold}; 0 when there are none.
         */
        double identityFalsePositiveRate(double[] p, double threshold) {
            int n = 0;
            int flagged = 0;
            for (int i = 0; i < p.length; i++) {
                if (identityNeutral[i]) {
                    n++;
                    flagged += p[i] >= threshold ? 1 : 0;
                }
            }
            return n == 0 ? 0 : flagged / (double) n;
        }

        /** The blend (or, marginOnly, a stacker on the margin alone) fitted on every dev row. */
        Stacker fit(double[] margins, double l2, boolean marginOnly) {
            double[][] in = new double[items.size()][];
            for (int i = 0; i < in.length; i++) {
                in[i] = input(i, margins[i], marginOnly);
            }
            return Stacker.fit(in, y, weight, l2);
        }

        /** Each row's probability from a blend (or, marginOnly, a stacker on the margin alone) fitted on the other folds. */
        double[] crossFitted(double[] margins, double l2, boolean marginOnly) {
            double[] out = new double[items.size()];
            for (int k = 0; k < folds; k++) {
                List<Integer> fitRows = new ArrayList<>();
                for (int i = 0; i < fold.length; i++) {
                    if (fold[i] != k) {
                        fitRows.add(i);
                    }
                }
                double[][] in = new double[fitRows.size()][];
                boolean[] yy = new boolean[fitRows.size()];
                double[] ww = new double[fitRows.size()];
                for (int j = 0; j < in.length; j++) {
                    int i = fitRows.get(j);
                    in[j] = input(i, margins[i], marginOnly);
                    yy[j] = y[i];
                    ww[j] = weight[i];
                }
                Stacker s = Stacker.fit(in, yy, ww, l2);
                for (int i = 0; i < fold.length; i++) {
                    if (fold[i] == k) {
                        out[i] = s.probability(input(i, margins[i], marginOnly));
                    }
                }
            }
            return out;
        }

        /**
         * Macro-F1 per public set and the authored pass rate (over cases, or {@code passOverBehaviours} over
         * behaviours) when a row is flagged at {@code p >= threshold}.
         */
        Map<String, Double> perSet(double[] p, double threshold, boolean passOverBehaviours) {
            Map<String, List<Integer>> bySet = new TreeMap<>();
            for (int i = 0; i < set.length; i++) {
                bySet.computeIfAbsent(set[i], s -> new ArrayList<>()).add(i);
            }
            Map<String, Double> out = new TreeMap<>();
            for (Map.Entry<String, List<Integer>> e : bySet.entrySet()) {
                List<Integer> idx = e.getValue();
                if (e.getKey().equals("authored")) {
                    String[] behaviours = new String[idx.size()];
                    boolean[] correct = new boolean[idx.size()];
                    for (int j = 0; j < idx.size(); j++) {
                        behaviours[j] = items.get(idx.get(j)).behaviour();
                        correct[j] = (p[idx.get(j)] >= threshold) == y[idx.get(j)];
                    }
                    out.put(e.getKey(), authoredPassRate(behaviours, correct, passOverBehaviours));
                    continue;
                }
                double[] flags = new double[idx.size()];
                boolean[] truth = new boolean[idx.size()];
                int positives = 0;
                for (int j = 0; j < idx.size(); j++) {
                    flags[j] = p[idx.get(j)] >= threshold ? 1 : 0;
                    truth[j] = y[idx.get(j)];
                    positives += truth[j] ? 1 : 0;
                }
                if (positives > 0 && positives < idx.size()) {
                    out.put(e.getKey(), Metrics.of(flags, truth, 0.5).macroF1());
                }
            }
            return out;
        }

        double fastMeanF1() {
            return meanPublic(perSet(fastProbability, fastThreshold, false));
        }

        double fastAuthoredPass(boolean passOverBehaviours) {
            return perSet(fastProbability, fastThreshold, passOverBehaviours).getOrDefault("authored", 0.0);
        }

        static double meanPublic(Map<String, Double> perSet) {
            return perSet.entrySet().stream().filter(e -> !e.getKey().equals("authored"))
                    .mapToDouble(Map.Entry::getValue).average().orElse(0);
        }
    }

    /** What a blend's cross-fitted dev probabilities reach at the threshold the objective chose. */
    record Judged(double threshold, double objective, double meanF1, double authoredPass,
                          Map<String, Object> perSet) {
    }

    /**
     * Picks the threshold of cross-fitted dev probabilities. The objective, on dev only:
     * {@code (1 - share) * mean over public dev sets of macro-F1 + share * authored dev pass rate (over cases, or over
     * behaviours with --authored-pass-mean behaviours) - identity penalty * authored dev identity false-positive rate
     * - penalty * sum over public dev sets of max(0, fast macro-F1 - this macro-F1)}, with {@code share} from
     * {@code --authored-share} and {@code penalty} from {@code --loss-penalty}: the mean counts every set the same, as
     * the report does, and the penalty makes a loss to the fast model on any one dev set cost more than a gain on
     * another earns.
     */
    Judged judge(DevRows rows, double[] p) {
        double share = authoredShare();
        double penalty = lossPenalty();
        boolean overBehaviours = authoredPassOverBehaviours();
        Map<String, Double> fastPerSet = rows.perSet(rows.fastProbability(), rows.fastThreshold(), overBehaviours);
        Judged best = null;
        for (int step = 5; step <= 95; step++) {
            double th = step / 100.0;
            Map<String, Double> perSet = rows.perSet(p, th, overBehaviours);
            double mean = DevRows.meanPublic(perSet);
            double pass = perSet.getOrDefault("authored", 0.0);
            double objective = objective(rows, perSet, fastPerSet, share, penalty)
                    - identityFpPenalty(rows.attribute()) * rows.identityFalsePositiveRate(p, th);
            if (best == null || objective > best.objective() + 1e-12) {
                Map<String, Object> report = new TreeMap<>();
                perSet.forEach((k, v) -> report.put(k, Map.of("accurate", round(v), "fast",
                        round(fastPerSet.getOrDefault(k, Double.NaN)))));
                best = new Judged(th, objective, mean, pass, report);
            }
        }
        return best;
    }

    /** The dev objective of {@link #judge} for flags (1 or 0) of the attribute's dev rows. */
    private double objective(DevRows rows, double[] flags) {
        boolean overBehaviours = authoredPassOverBehaviours();
        return objective(rows, rows.perSet(flags, 0.5, overBehaviours),
                rows.perSet(rows.fastProbability(), rows.fastThreshold(), overBehaviours),
                authoredShare(), lossPenalty())
                - identityFpPenalty(rows.attribute()) * rows.identityFalsePositiveRate(flags, 0.5);
    }

    /**
     * Share of the authored dev pass rate in the threshold objective of {@link #judge} ({@code --authored-share}); 0.9 by
     * default, chosen on dev in session 7 (training/dev-variants.md: more English hate passes at the same identity
     * false-positive rate, for 0.0013 of public dev macro-F1).
     */
    private double authoredShare() {
        return options.getDouble("authored-share", 0.9);
    }

    /**
     * Weight of the authored dev identity false-positive rate (neutral, positive, negated, counter-speech and
     * reclaimed mentions of a group flagged by this attribute) subtracted from the dev objective; 8 by default
     * (chosen on dev, training/dev-variants.md, round 9; 5 in round 8).
     */
    private double identityFpPenalty() {
        return options.getDouble("identity-fp-penalty", 8.0);
    }

    /**
     * The identity penalty of {@link #identityFpPenalty()} for attribute {@code a}: {@code --identity-fp-attributes}
     * lists the attributes it applies to, comma-separated, or {@code all} (the default); the others get 0.
     */
    private double identityFpPenalty(Attribute a) {
        return identityPenalised(identityFpAttributes(), a) ? identityFpPenalty() : 0;
    }

    /**
     * Whether {@code list} ({@code all}, or attribute names separated by commas) names {@code a}; an unknown or empty
     * name is refused.
     */
    static boolean identityPenalised(String list, Attribute a) {
        if (list.trim().equals("all")) {
            return true;
        }
        boolean named = false;
        for (String name : list.split(",", -1)) {
            Attribute listed;
            try {
                listed = Attribute.valueOf(name.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--identity-fp-attributes names '" + name.trim()
                        + "', expected all or attributes from " + java.util.Arrays.toString(Attribute.values()));
            }
            named |= listed == a;
        }
        return named;
    }

    /**
     * Whether the authored dev pass rate in the threshold objective of {@link #judge} is the mean over behaviours of
     * each behaviour's pass rate ({@code --authored-pass-mean behaviours}) or the share of all authored dev cases that
     * pass ({@code cases}, the default), under which a behaviour with many cases outweighs a small one.
     */
    private boolean authoredPassOverBehaviours() {
        return switch (authoredPassMean()) {
            case "cases" -> false;
            case "behaviours" -> true;
            default -> throw new IllegalArgumentException("--authored-pass-mean is " + authoredPassMean()
                    + ", expected cases or behaviours");
        };
    }

    /** {@code --authored-pass-mean}: {@code cases} (the default) or {@code behaviours}. */
    private String authoredPassMean() {
        return opt("authored-pass-mean", "cases");
    }

    /**
     * The authored weights tried for attribute {@code a}'s head (round 52): the list {@code perAttribute}
     * ({@code --authored-weights-for}, entries {@code ATTRIBUTE=w,w} separated by semicolons) gives for it, else
     * {@code general} ({@code --authored-weights}). A weight must be a number of 0 or more; an unknown attribute, an
     * attribute named twice or an entry without weights is refused.
     */
    static List<Double> authoredWeights(String general, String perAttribute, Attribute a) {
        String chosen = general;
        String chosenBy = "--authored-weights";
        Set<Attribute> named = EnumSet.noneOf(Attribute.class);
        for (String entry : perAttribute.isBlank() ? new String[0] : perAttribute.split(";", -1)) {
            int eq = entry.indexOf('=');
            Attribute listed = eq < 0 ? null : Attribute.parse(entry.substring(0, eq).trim()).orElse(null);
            if (listed == null || entry.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException("--authored-weights-for: '" + entry.trim()
                        + "' is not ATTRIBUTE=w,w (attributes " + java.util.Arrays.toString(Attribute.values()) + ")");
            }
            if (!named.add(listed)) {
                throw new IllegalArgumentException("--authored-weights-for names " + listed + " twice");
            }
            if (listed == a) {
                chosen = entry.substring(eq + 1);
                chosenBy = "--authored-weights-for " + a;
            }
        }
        List<Double> weights = new ArrayList<>();
        for (String w : chosen.split(",", -1)) {
            double value;
            try {
                value = Double.parseDouble(w.trim());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(chosenBy + ": '" + w.trim() + "' is not a weight of 0 or more");
            }
            weights.add(value);
        }
        return weights;
    }

    /** {@code --identity-fp-attributes}: {@code all} (the default) or attribute names separated by commas. */
    private String identityFpAttributes() {
        return opt("identity-fp-attributes", "all");
    }

    /** {@code --loss-penalty}: weight of the dev sets' macro-F1 losses to fast in the objective; 1 by default. */
    private double lossPenalty() {
        return options.getDouble("loss-penalty", 1.0);
    }

    /**
     * The authored pass rate of cases whose verdicts are {@code correct}: the share of cases that pass, or
     * ({@code overBehaviours}) the mean over behaviours of each behaviour's share; 0 when there are no cases.
     */
    static double authoredPassRate(String[] behaviours, boolean[] correct, boolean overBehaviours) {
        if (behaviours.length != correct.length) {
            throw new IllegalArgumentException("behaviours has " + behaviours.length + " entries, correct has "
                    + correct.length);
        }
        if (correct.length == 0) {
            return 0;
        }
        if (!overBehaviours) {
            int ok = 0;
            for (boolean c : correct) {
                ok += c ? 1 : 0;
            }
            return ok / (double) correct.length;
        }
        Map<String, int[]> byBehaviour = new TreeMap<>();
        for (int i = 0; i < correct.length; i++) {
            int[] b = byBehaviour.computeIfAbsent(String.valueOf(behaviours[i]), k -> new int[2]);
            b[0] += correct[i] ? 1 : 0;
            b[1]++;
        }
        return byBehaviour.values().stream().mapToDouble(b -> b[0] / (double) b[1]).average().orElse(0);
    }

    /**
     * How much an authored dev row weighs against a public dev row in the blend's (stacker's) fit; 10 by default
     * (chosen on dev, training/dev-variants.md, round 8).
     */
    private double stackerAuthoredWeight() {
        return weightOption("stacker-authored-weight", 10.0);
    }

    /**
     * The option {@code --stacker-authored-weight-zh W} (round 28): the same for the Chinese encoder's blends; 2 by
     * default since round 28 (the English value, 10, before).
     */
    private double stackerAuthoredWeightZh() {
        return weightOption("stacker-authored-weight-zh", 2.0);
    }

    private double weightOption(String name, double byDefault) {
        double w = options.getDouble(name, byDefault);
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("--" + name + " is " + w + ", expected 0 or more");
        }
        return w;
    }

    /** The blend's authored dev weight of an encoder: the -zh one for the Chinese encoder, else the English one. */
    private double stackerAuthoredWeight(EncoderSpec spec) {
        return chinese(spec) ? stackerAuthoredWeightZh() : stackerAuthoredWeight();
    }

    /** An authored case that mentions an identity group and states no attribute as present. */
    static boolean identityNeutral(Item it) {
        return it.authored() && it.group() != null && !"-".equals(it.group())
                && it.labels().values().stream().noneMatch(Boolean::booleanValue);
    }

    private static double objective(DevRows rows, Map<String, Double> perSet, Map<String, Double> fastPerSet,
                                    double share, double penalty) {
        double losses = 0;
        for (Map.Entry<String, Double> e : perSet.entrySet()) {
            if (!e.getKey().equals("authored") && fastPerSet.containsKey(e.getKey())) {
                losses += Math.max(0, fastPerSet.get(e.getKey()) - e.getValue());
            }
        }
        return (1 - share) * DevRows.meanPublic(perSet) + share * perSet.getOrDefault("authored", 0.0)
                - penalty * losses;
    }

    /**
     * Cross-fitted verdicts on the authored dev cases of one encoder's languages, for the fast model, the blend and
     * the encoder alone (a stacker on its margin, threshold by the same objective): pass rate per behaviour and the
     * identity false-positive rate, in all and per behaviour (a case that mentions a group and states no attribute as
     * present, flagged TOXICITY, IDENTITY_ATTACK or INSULT). As the engine does (decision 111), attributes without a
     * head use the serving fast model's verdict in the blend, encoder-alone and balanced columns; the fast column is
     * the model the heads were fitted against, and stands for the attributes with a head on texts balanced mode does
     * not route.
     */
    private Map<String, Object> authoredDevDiagnostics(EncoderSpec spec, Map<Attribute, Trained> trained,
                                                       Map<Attribute, double[]> bands, OptionalDouble route,
                                                       List<Item> devCases,
                                                       Map<Item, Map<Attribute, Double>> fastScores,
                                                       TribuoClassifier fast, TribuoClassifier serving) {
        Map<Attribute, Double> fastThresholds = fast.defaultThresholds();
        List<String> variants = List.of("fast", "blend", "encoderOnly", "balanced");
        Map<String, Map<Item, Map<Attribute, Boolean>>> flags = new LinkedHashMap<>();
        variants.forEach(v -> flags.put(v, new java.util.IdentityHashMap<>()));
        for (Map.Entry<Attribute, Trained> e : trained.entrySet()) {
            Trained t = e.getValue();
            List<Item> its = t.rows().items();
            for (int i = 0; i < its.size(); i++) {
                if (its.get(i).authored()) {
                    flags.get("blend").computeIfAbsent(its.get(i), k -> new EnumMap<>(Attribute.class))
                            .put(e.getKey(), t.devProbabilities()[i] >= t.threshold());
                    flags.get("encoderOnly").computeIfAbsent(its.get(i), k -> new EnumMap<>(Attribute.class))
                            .put(e.getKey(), t.encoderOnlyProbabilities()[i] >= t.encoderOnlyThreshold());
                }
            }
        }
        // Balanced: the blend's verdicts on the texts the bands send to the encoder, the fast model's on the rest.
        flags.get("blend").forEach((item, verdicts) -> {
            if (routed(fastScores.get(item), bands, route)) {
                flags.get("balanced").put(item, verdicts);
            }
        });
        Map<String, Map<String, int[]>> byBehaviour = new TreeMap<>();
        IdentityFpTally identityFp = new IdentityFpTally();
        // Which attribute a failed case got wrong: behaviour -> variant -> attribute -> cases whose verdict differs.
        Map<String, Map<String, Map<Attribute, Integer>>> misses = new TreeMap<>();
        for (Item c : devCases) {
            if (!spec.languages().contains(c.language())) {
                continue;
            }
            Map<Attribute, Double> f = fastScores.get(c);
            Map<Attribute, Double> servingScores = serving == fast ? f
                    : serving.score(normaliser.analyse(c.text()).withLanguage(c.language()));
            Map<Attribute, Double> servingThresholds = serving.defaultThresholds();
            for (String v : variants) {
                Map<Attribute, Boolean> mine = flags.get(v).getOrDefault(c, Map.of());
                boolean pass = true;
                boolean fp = false;
                for (Attribute a : Attribute.values()) {
                    boolean fromServing = !v.equals("fast") && !trained.containsKey(a);
                    boolean flagged = mine.containsKey(a) ? mine.get(a)
                            : fromServing ? servingScores.getOrDefault(a, 0.0) >= servingThresholds.getOrDefault(a, 0.5)
                            : f.getOrDefault(a, 0.0) >= fastThresholds.getOrDefault(a, 0.5);
                    Boolean label = c.labels().get(a);
                    if (label != null && flagged != label) {
                        pass = false;
                        misses.computeIfAbsent(c.behaviour(), k -> new LinkedHashMap<>())
                                .computeIfAbsent(v, k -> new EnumMap<>(Attribute.class)).merge(a, 1, Integer::sum);
                    }
                    fp |= ModeEvaluation.IDENTITY_FP_ATTRIBUTES.contains(a) && flagged;
                }
                int[] b = byBehaviour.computeIfAbsent(c.behaviour(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(v, k -> new int[2]);
                b[0] += pass ? 1 : 0;
                b[1]++;
                identityFp.add(c, v, fp);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> behaviours = new TreeMap<>();
        Map<String, double[]> meanPass = new LinkedHashMap<>();
        byBehaviour.forEach((b, byVariant) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            byVariant.forEach((v, c) -> {
                row.put(v, round(c[0] / (double) c[1]));
                double[] m = meanPass.computeIfAbsent(v, k -> new double[2]);
                m[0] += c[0] / (double) c[1];
                m[1]++;
            });
            row.put("cases", byVariant.get("fast")[1]);
            behaviours.put(b, row);
        });
        Map<String, Object> fpOut = identityFp.overall();
        Map<String, Object> meanOut = new LinkedHashMap<>();
        meanPass.forEach((v, m) -> meanOut.put(v, round(m[0] / m[1])));
        out.put("identityFalsePositiveRate", fpOut);
        Map<String, Object> fpByBehaviour = identityFp.byBehaviour();
        out.put("identityFalsePositiveRateByBehaviour", fpByBehaviour);
        out.put("meanPassRateOverBehaviours", meanOut);
        out.put("passRateByBehaviour", behaviours);
        TrainCommand.log("  " + spec.name() + " authored dev (cross-fitted): identity FP by behaviour " + fpByBehaviour);
        TrainCommand.log("  " + spec.name() + " authored dev (cross-fitted): identity FP " + fpOut
                + ", mean pass over behaviours " + meanOut);
        behaviours.forEach((b, r) -> TrainCommand.log("    " + b + " " + r + ", attributes missed "
                + misses.getOrDefault(b, Map.of())));
        return out;
    }

    /**
     * Counts the authored identity false positives of several variants (fast, blend, encoder alone), in all and per
     * behaviour: only cases that mention a group and state no attribute as present ({@link #identityNeutral}) count.
     * Rates are rounded to three decimals; {@code cases} is the count of the first variant added.
     */
    static final class IdentityFpTally {
        private final Map<String, int[]> overall = new LinkedHashMap<>();
        private final Map<String, Map<String, int[]>> byBehaviour = new TreeMap<>();

        /** Records variant {@code variant}'s verdict on {@code c}: {@code flagged} if it flagged an identity attribute. */
        void add(Item c, String variant, boolean flagged) {
            if (!identityNeutral(c)) {
                return;
            }
            count(overall.computeIfAbsent(variant, k -> new int[2]), flagged);
            count(byBehaviour.computeIfAbsent(c.behaviour(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(variant, k -> new int[2]), flagged);
        }

        private static void count(int[] tally, boolean flagged) {
            tally[0] += flagged ? 1 : 0;
            tally[1]++;
        }

        /** Variant -> false-positive rate, and {@code cases}; only {@code cases = 0} when nothing was counted. */
        Map<String, Object> overall() {
            return rates(overall);
        }

        /** Behaviour -> (variant -> false-positive rate, and {@code cases}). */
        Map<String, Object> byBehaviour() {
            Map<String, Object> out = new TreeMap<>();
            byBehaviour.forEach((b, byVariant) -> out.put(b, rates(byVariant)));
            return out;
        }

        private static Map<String, Object> rates(Map<String, int[]> byVariant) {
            Map<String, Object> row = new LinkedHashMap<>();
            byVariant.forEach((v, c) -> row.put(v, round(c[0] / (double) c[1])));
            row.put("cases", byVariant.isEmpty() ? 0 : byVariant.values().iterator().next()[1]);
            return row;
        }
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    /**
     * The balanced mode's band for one attribute: the narrowest fast-score interval around the fast threshold in
     * which taking the blended score keeps {@link #BAND_GAIN_SHARE} of accurate's gain over fast in the dev objective
     * of {@link #judge} (cross-fitted probabilities). Answers {lo, hi, dev mean macro-F1 per set in balanced mode,
     * share of dev texts routed to the encoder}.
     */
    private double[] chooseBand(Trained t, double cap) {
        DevRows rows = t.rows();
        double fastTh = rows.fastThreshold();
        double[] fastP = rows.fastProbability();
        double[] encP = t.devProbabilities();
        double fastObjective = objective(rows, hybrid(fastP, fastTh, encP, t.threshold(), 2, 2));
        double accObjective = objective(rows, hybrid(fastP, fastTh, encP, t.threshold(), -1, 2));
        double target = fastObjective + BAND_GAIN_SHARE * Math.max(0, accObjective - fastObjective);
        double[] chosen = {fastTh, fastTh, rows.fastMeanF1(), 0};
        double best = fastObjective;
        for (double half : BAND_HALF_WIDTHS) {
            double lo = Math.max(0, fastTh - half);
            double hi = Math.min(1, fastTh + half);
            if (shareInBand(fastP, lo, hi) > cap) {
                break;
            }
            double o = objective(rows, hybrid(fastP, fastTh, encP, t.threshold(), lo, hi));
            if (o > best + 1e-9) {
                best = o;
                chosen = bandStats(t, lo, hi);
            }
            if (o >= target - 1e-9) {
                break;
            }
        }
        return chosen;
    }

    /**
     * One attribute's band [lo, hi] on its own (rounded): {lo, hi, dev mean macro-F1 per set when the texts whose fast
     * score lies in it take the blended verdict, share of dev texts it routes}.
     */
    private static double[] bandStats(Trained t, double lo, double hi) {
        DevRows rows = t.rows();
        double[] fastP = rows.fastProbability();
        double[] flags = hybrid(fastP, rows.fastThreshold(), t.devProbabilities(), t.threshold(), lo, hi);
        return new double[] {round(lo), round(hi), DevRows.meanPublic(rows.perSet(flags, 0.5, false)),
            shareInBand(fastP, lo, hi)};
    }

    /** The share of fast scores that lie in [lo, hi]. */
    private static double shareInBand(double[] fastP, double lo, double hi) {
        int inside = 0;
        for (double p : fastP) {
            if (p >= lo && p <= hi) {
                inside++;
            }
        }
        return inside / (double) Math.max(1, fastP.length);
    }

    /**
     * Whether balanced mode asks the encoder, by the service's own rule ({@link EncoderClassifier#routes}) with every
     * attribute requested: some attribute's fast score inside its band, or the fast IDENTITY_ATTACK score at least
     * {@code route} (empty: no identity route).
     */
    static boolean routed(Map<Attribute, Double> fast, Map<Attribute, double[]> bands, OptionalDouble route) {
        return EncoderClassifier.routes(bands, route, fast, EnumSet.allOf(Attribute.class));
    }

    private static double routedShare(List<Item> dev, Map<Attribute, double[]> bands, OptionalDouble route,
                                      Map<Item, Map<Attribute, Double>> fastScores) {
        long routed = dev.stream().filter(i -> routed(fastScores.get(i), bands, route)).count();
        return routed / (double) Math.max(1, dev.size());
    }

    /**
     * Balanced mode on the dev rows, per attribute: mean macro-F1 per public dev set when every text balanced mode
     * routes with every attribute requested takes the blend's cross-fitted verdict and the rest the fast one.
     */
    private static Map<Attribute, Double> balancedDevF1(Map<Attribute, Trained> trained, Map<Attribute, double[]> bands,
                                                        OptionalDouble route,
                                                        Map<Item, Map<Attribute, Double>> fastScores) {
        Map<Attribute, Double> out = new EnumMap<>(Attribute.class);
        trained.forEach((a, t) -> {
            DevRows rows = t.rows();
            double[] flags = new double[rows.items().size()];
            for (int i = 0; i < flags.length; i++) {
                boolean asked = routed(fastScores.get(rows.items().get(i)), bands, route);
                flags[i] = (asked ? t.devProbabilities()[i] >= t.threshold()
                        : rows.fastProbability()[i] >= rows.fastThreshold()) ? 1 : 0;
            }
            out.put(a, DevRows.meanPublic(rows.perSet(flags, 0.5, false)));
        });
        return out;
    }

    /** Flags (1 or 0) when texts whose fast score lies in [lo, hi] take the blended verdict, the rest the fast one. */
    private static double[] hybrid(double[] fastP, double fastTh, double[] encP, double encTh, double lo, double hi) {
        double[] flags = new double[fastP.length];
        for (int i = 0; i < fastP.length; i++) {
            boolean routed = fastP[i] >= lo && fastP[i] <= hi;
            flags[i] = (routed ? encP[i] >= encTh : fastP[i] >= fastTh) ? 1 : 0;
        }
        return flags;
    }

    /**
     * Appends the authored cases of {@code file} to the {@code use} side (TRAIN or DEV) and records its checksum, unless
     * {@code file} is {@code none}.
     */
    private static void addEncoderOnly(Map<Use, List<Item>> authored, Use use, String file,
                                       Map<String, String> checksums) throws java.io.IOException {
        if (file.equals("none")) {
            return;
        }
        Path f = Path.of(file);
        checksums.put("authored:" + f, DataSets.sha256(f));
        List<Item> rows = new ArrayList<>(authored.get(use));
        int before = rows.size();
        Split split = use == Use.DEV ? Split.DEV : Split.TRAIN;
        for (ContrastiveCase c : ContrastiveCase.read(f)) {
            LabelledText ex = c.toExample(split, 1.0);
            rows.add(new Item("authored", c.language(), ex.split(), c.text(), ex.labels(), 1.0, c.behaviour(),
                    c.group(), c.template()));
        }
        authored.put(use, rows);
        TrainCommand.log("authored " + use + " (encoder heads only): " + (rows.size() - before) + " cases from " + f);
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
