package dev.safespeak.moderation.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.AnalysedText;
import dev.safespeak.moderation.engine.FeatureExtractor;
import dev.safespeak.moderation.engine.Normaliser;
import dev.safespeak.moderation.engine.TribuoClassifier;
import dev.safespeak.moderation.training.LabelledText.Split;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Trains every attribute from the shared data and the authored contrastive set, calibrates on dev,
 * evaluates on test, and writes the model artifact, its manifest and the quality report.
 *
 * <p>Usage: {@code TrainCommand --data ../shared/data --out src/main/resources/models/default
 * --report docs/reports/model-quality.md [--bits 19] [--epochs 2] [--fraction 1.0] [--contrastive-weight 50] [--behaviour-weight threat_person=10,non_threat=10] [--language-feature true] [--seed 42] [--no-contrastive]
 * [--contrastive training/contrastive/train-round33.tsv] [--contrastive-dev training/contrastive/dev-round29.tsv]}.
 * The defaults reproduce the committed model (round 37); {@code --behaviour-weight none} gives every authored row
 * {@code --contrastive-weight}.
 */
public final class TrainCommand {

    /**
     * Contrastive training examples count this much more than one shared-data example (default of
     * {@code --contrastive-weight}): they are few, precise, and the only source that tells the model that
     * identity terms, negated hate and counter-speech are not toxic.
     */
    static final double CONTRASTIVE_WEIGHT = 50.0;

    /**
     * The authored rows the n-gram model trains and calibrates on by default: the contrastive rows, since round 31
     * (training/dev-variants.md) round 29's short chat messages, and since round 37 round 33's threats to a person and
     * violent sentences that threaten no one (training only: the dev file stays round 29's, so round 33's dev rows
     * measure and never choose a threshold). The encoder heads read train.tsv and dev.tsv, without them.
     */
    static final String DEFAULT_CONTRASTIVE_TRAIN = "training/contrastive/train-round33.tsv";
    static final String DEFAULT_CONTRASTIVE_DEV = "training/contrastive/dev-round29.tsv";

    /**
     * Authored behaviours that weigh other than {@link #CONTRASTIVE_WEIGHT} by default (round 37): every threat to a
     * person and every violent sentence that threatens no one, older rows included, in training and calibration.
     */
    static final String DEFAULT_BEHAVIOUR_WEIGHTS = "threat_person=10,non_threat=10";

    /**
     * The {@code --behaviour-weight} map: the option's, {@link #DEFAULT_BEHAVIOUR_WEIGHTS} without it, none for
     * {@code --behaviour-weight none}.
     */
    static Map<String, Double> behaviourWeights(CommandOptions options) {
        if (!options.has("behaviour-weight")) {
            return CommandOptions.parse(new String[] {"--behaviour-weight", DEFAULT_BEHAVIOUR_WEIGHTS})
                    .getWeights("behaviour-weight");
        }
        return "none".equals(options.get("behaviour-weight", "")) ? Map.of() : options.getWeights("behaviour-weight");
    }

    /**
     * Fails on a {@code --behaviour-weight} key that no authored training row has as its behaviour (a misspelt
     * behaviour would otherwise weigh nothing and go unnoticed).
     */
    static void checkBehaviourWeights(Map<String, Double> weights, List<ContrastiveCase> cases) {
        Set<String> known = new java.util.TreeSet<>();
        cases.forEach(c -> known.add(c.behaviour()));
        for (String behaviour : weights.keySet()) {
            if (!known.contains(behaviour)) {
                throw new IllegalArgumentException("--behaviour-weight names " + behaviour
                        + ", which no authored training row has; the behaviours are " + String.join(", ", known));
            }
        }
    }

    /** Longest text (chars) used in training; longer texts are cut, which keeps memory bounded. */
    static final int MAX_TRAIN_CHARS = 2000;

    private final CommandOptions options;

    private TrainCommand(CommandOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new TrainCommand(CommandOptions.parse(args)).run();
    }

    private String opt(String name, String fallback) {
        return options.get(name, fallback);
    }

    private void run() throws Exception {
        long started = System.currentTimeMillis();
        Path data = Path.of(opt("data", "../shared/data"));
        Path out = Path.of(opt("out", "src/main/resources/models/default"));
        Path report = Path.of(opt("report", "docs/reports/model-quality.md"));
        Path contrastiveTrain = Path.of(opt("contrastive", DEFAULT_CONTRASTIVE_TRAIN));
        Path functional = Path.of(opt("functional", "src/test/resources/functional/heldout.tsv"));
        int bits = options.getInt("bits", 19);
        int epochs = options.getInt("epochs", 2);
        double learningRate = options.getDouble("lr", 0.3);
        long seed = options.getLong("seed", 42);
        String only = opt("attributes", "");
        double maxFraction = options.getDouble("fraction", 1.0);
        double contrastiveWeight = options.getDouble("contrastive-weight", CONTRASTIVE_WEIGHT);
        // An authored behaviour may weigh other than --contrastive-weight (round 33: many threat rows at a lower
        // weight each), in training and in the dev calibration alike.
        Map<String, Double> behaviourWeights = behaviourWeights(options);

        log("loading data from " + data.toAbsolutePath());
        DataSets.Loaded loaded = DataSets.load(data);
        List<LabelledText> examples = new ArrayList<>(loaded.examples());
        Map<String, String> checksums = new TreeMap<>(loaded.checksums());
        List<ContrastiveCase> contrastiveDev = new ArrayList<>();
        Path contrastiveDevFile = Path.of(opt("contrastive-dev", DEFAULT_CONTRASTIVE_DEV));
        if (!options.has("no-contrastive") && Files.exists(contrastiveTrain)) {
            List<ContrastiveCase> cases = ContrastiveCase.read(contrastiveTrain);
            if (options.has("behaviour-weight")) { // the defaults name behaviours an older file may lack
                checkBehaviourWeights(behaviourWeights, cases);
            }
            boolean devByTemplate = Files.exists(contrastiveDevFile);
            for (int i = 0; i < cases.size(); i++) {
                // With a dev file (split by template) every train case trains; without one, every tenth case goes
                // to dev so calibration sees the contrastive behaviours too.
                Split split = !devByTemplate && i % 10 == 7 ? Split.DEV : Split.TRAIN;
                examples.add(cases.get(i).toExample(split,
                        behaviourWeights.getOrDefault(cases.get(i).behaviour(), contrastiveWeight)));
                if (split == Split.DEV) {
                    contrastiveDev.add(cases.get(i));
                }
            }
            if (devByTemplate) {
                for (ContrastiveCase c : ContrastiveCase.read(contrastiveDevFile)) {
                    examples.add(c.toExample(Split.DEV, behaviourWeights.getOrDefault(c.behaviour(), contrastiveWeight)));
                    contrastiveDev.add(c);
                }
                checksums.put("contrastive:" + contrastiveDevFile, DataSets.sha256(contrastiveDevFile));
            }
            checksums.put("contrastive:" + contrastiveTrain, DataSets.sha256(contrastiveTrain));
            log("contrastive training cases: " + cases.size() + ", dev cases: " + contrastiveDev.size()
                    + (devByTemplate ? " (split by template)" : " (every tenth row)"));
        }
        if (maxFraction < 1.0) {
            List<LabelledText> kept = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                LabelledText e = examples.get(i);
                // The authored set is never subsampled: it is small and carries the contrastive behaviours.
                if (e.split() != Split.TRAIN || e.dataset().equals("contrastive")
                        || (i * 2654435761L % 1000) < maxFraction * 1000) {
                    kept.add(examples.get(i));
                }
            }
            examples = kept;
        }
        log("examples: " + examples.size());

        Normaliser normaliser = new Normaliser();
        boolean languageFeature = Boolean.parseBoolean(opt("language-feature", "true"));
        FeatureExtractor extractor = new FeatureExtractor(bits, languageFeature);
        List<LabelledText> finalExamples = examples;
        int[][] fb = new int[examples.size()][];
        float[][] fv = new float[examples.size()][];
        IntStream.range(0, examples.size()).parallel().forEach(i -> {
            LabelledText e = finalExamples.get(i);
            String text = e.text().length() > MAX_TRAIN_CHARS ? e.text().substring(0, MAX_TRAIN_CHARS) : e.text();
            AnalysedText analysed = normaliser.analyse(text).withLanguage(e.language());
            FeatureExtractor.Features f = extractor.extract(analysed);
            fb[i] = f.buckets();
            fv[i] = f.values();
        });
        log("features extracted");

        AttributeTrainer trainer = new AttributeTrainer(extractor, epochs, learningRate, seed);
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(Attribute.class);
        Map<Attribute, Map<String, Object>> trainingSummary = new EnumMap<>(Attribute.class);
        Map<Attribute, String> provenance = new EnumMap<>(Attribute.class);
        // Attributes train independently (each on the sets that label it, with its own seeded SGD), so they
        // run in parallel on the cores; the result does not depend on the order.
        List<Attribute> toTrain = java.util.Arrays.stream(Attribute.values())
                .filter(a -> only.isEmpty() || only.contains(a.name())).toList();
        Map<Attribute, TrainedAttribute> trainedAttributes = new java.util.concurrent.ConcurrentHashMap<>();
        List<LabelledText> allExamples = examples;
        toTrain.parallelStream().forEach(attribute ->
                trainedAttributes.put(attribute, trainAttribute(attribute, allExamples, fb, fv, trainer)));
        for (Attribute attribute : toTrain) {
            TrainedAttribute t = trainedAttributes.get(attribute);
            models.put(attribute, t.model());
            trainingSummary.put(attribute, t.summary());
            provenance.put(attribute, t.provenance());
        }

        String commit = gitCommit();
        Instant now = Instant.now();
        String version = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC).format(now) + "-" + commit
                .substring(0, Math.min(7, commit.length()));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("version", version);
        manifest.put("modelType", TribuoClassifier.MODEL_TYPE);
        manifest.put("formatVersion", TribuoClassifier.FORMAT_VERSION);
        manifest.put("trainedAt", now.toString());
        manifest.put("gitCommit", commit);
        manifest.put("javaVersion", System.getProperty("java.version"));
        manifest.put("tribuoVersion", org.tribuo.Tribuo.VERSION);
        manifest.put("seed", seed);
        manifest.put("splitSeed", DataSets.SPLIT_SEED);
        manifest.put("trainer", trainer.describe());
        manifest.put("languageFeature", languageFeature);
        manifest.put("features", "hashed 2^" + bits + " buckets: word unigrams, word bigrams, char 3-5-grams of "
                + "normalised words, negation-scoped unigrams, CJK/Thai char uni/bigrams"
                + (languageFeature ? ", language" : " (no language feature)") + "; L2-normalised");
        manifest.put("severeToxicityDefinition", "TOXICITY and (IDENTITY_ATTACK or THREAT); labelled only on sets that "
                + "label identity attacks or threats");
        manifest.put("contrastiveWeight", contrastiveWeight);
        manifest.put("behaviourWeights", new TreeMap<>(behaviourWeights));
        manifest.put("contrastiveFiles", options.has("no-contrastive") ? List.of()
                : List.of(contrastiveTrain.toString(), contrastiveDevFile.toString()));
        manifest.put("trainFraction", maxFraction);
        manifest.put("davidsonWeight", DataSets.DAVIDSON_WEIGHT);
        manifest.put("dataChecksumsSha256", checksums);
        manifest.put("training", trainingSummary);

        TribuoClassifier classifier = new TribuoClassifier(version, extractor, models, "{}");
        if (!contrastiveDev.isEmpty()) {
            // The dev part of the authored cases: what variants of training settings are compared on, never the
            // held-out functional suite.
            Map<String, Double> devFunctional = Evaluation.passRates(classifier, normaliser, contrastiveDev);
            log("authored dev cases, pass rate per behaviour: " + devFunctional);
            manifest.put("devFunctionalPassRateByBehaviour", devFunctional);
        }
        log("evaluating");
        Evaluation evaluation = Evaluation.run(classifier, normaliser, examples, data, functional);
        manifest.put("evaluationSummary", evaluation.summary());
        manifest.put("tribuoProvenance", provenance);
        manifest.put("trainingSeconds", (System.currentTimeMillis() - started) / 1000);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        String manifestJson = json.writeValueAsString(manifest);
        TribuoClassifier finalModel = new TribuoClassifier(version, extractor, models, manifestJson);
        Files.createDirectories(out);
        try (OutputStream o = Files.newOutputStream(out.resolve("safespeak-model.bin"))) {
            finalModel.write(o);
        }
        Files.writeString(out.resolve("manifest.json"), manifestJson, StandardCharsets.UTF_8);
        log("model written to " + out.resolve("safespeak-model.bin") + " ("
                + Files.size(out.resolve("safespeak-model.bin")) / 1024 + " KiB)");
        if (report != null && !options.has("no-report")) {
            Files.createDirectories(report.toAbsolutePath().getParent());
            Path experiments = Path.of(opt("experiments", "training/experiments.md"));
            String log = Files.exists(experiments) ? Files.readString(experiments) : "";
            String logName = experiments.toString().replace('\\', '/');
            Files.writeString(report, evaluation.markdown(manifest, logName, log), StandardCharsets.UTF_8);
            Path jsonReport = report.resolveSibling(report.getFileName().toString().replaceAll("\\.md$", "") + ".json");
            Files.writeString(jsonReport, json.writeValueAsString(evaluation.full(manifest)), StandardCharsets.UTF_8);
            log("report written to " + report + " and " + jsonReport);
        }
        log("done in " + (System.currentTimeMillis() - started) / 1000 + " s");
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && s.matches("[0-9a-f]{40}") ? s : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static void log(String message) {
        System.err.println("[train " + Instant.now().toString().substring(11, 19) + "] " + message);
    }

    private record TrainedAttribute(TribuoClassifier.AttributeModel model, Map<String, Object> summary,
                                    String provenance) {
    }

    /** Trains, calibrates on dev and sets the flag threshold of one attribute. */
    private static TrainedAttribute trainAttribute(Attribute attribute, List<LabelledText> examples, int[][] fb,
                                                   float[][] fv, AttributeTrainer trainer) {
        List<int[]> tb = new ArrayList<>();
        List<float[]> tv = new ArrayList<>();
        List<Boolean> tt = new ArrayList<>();
        List<Double> tw = new ArrayList<>();
        List<Integer> dev = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            LabelledText e = examples.get(i);
            Boolean label = e.labels().get(attribute);
            if (label == null || fb[i].length == 0) {
                continue;
            }
            if (e.split() == Split.TRAIN) {
                tb.add(fb[i]);
                tv.add(fv[i]);
                tt.add(label);
                tw.add(e.weight());
            } else if (e.split() == Split.DEV) {
                dev.add(i);
            }
        }
        boolean[] truth = new boolean[tt.size()];
        double[] weights = new double[tw.size()];
        int positives = 0;
        for (int i = 0; i < truth.length; i++) {
            truth[i] = tt.get(i);
            weights[i] = tw.get(i);
            positives += truth[i] ? 1 : 0;
        }
        // Rare attributes (threats, profanity) get their positives weighed up so SGD does not settle on
        // "always negative"; Platt calibration on dev restores probabilities afterwards.
        double positiveBoost = Math.max(1.0, Math.min(5.0, 0.25 * (truth.length - positives) / Math.max(1, positives)));
        for (int i = 0; i < truth.length; i++) {
            if (truth[i]) {
                weights[i] *= positiveBoost;
            }
        }
        log(attribute + ": positive weight boost " + positiveBoost);
        log(attribute + ": training on " + truth.length + " examples (" + positives + " positive), dev " + dev.size());
        AttributeTrainer.Trained trained = trainer.train(attribute, tb, tv, truth, weights);
        log(attribute + ": trained; max gap to Tribuo's own probability " + trained.maxPredictionGap());
        double[] devMargins = new double[dev.size()];
        boolean[] devTruth = new boolean[dev.size()];
        for (int k = 0; k < dev.size(); k++) {
            int i = dev.get(k);
            double z = trained.bias();
            for (int j = 0; j < fb[i].length; j++) {
                z += trained.weights()[fb[i][j]] * fv[i][j];
            }
            devMargins[k] = z;
            devTruth[k] = examples.get(i).labels().get(attribute);
        }
        Calibration.Platt platt = Calibration.fitPlatt(devMargins, devTruth);
        double[] devProb = new double[dev.size()];
        for (int k = 0; k < dev.size(); k++) {
            devProb[k] = platt.apply(devMargins[k]);
        }
        double threshold = Calibration.bestThreshold(devProb, devTruth);
        Metrics devMetrics = Metrics.of(devProb, devTruth, threshold);
        log(attribute + ": platt a=" + platt.a() + " b=" + platt.b() + " threshold=" + threshold + " dev " + devMetrics);
        TribuoClassifier.AttributeModel model = new TribuoClassifier.AttributeModel(trained.weights(),
                trained.bias(), platt.a(), platt.b(), threshold);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("trainExamples", truth.length);
        summary.put("trainPositives", positives);
        summary.put("positiveWeightBoost", positiveBoost);
        summary.put("devExamples", dev.size());
        summary.put("plattA", platt.a());
        summary.put("plattB", platt.b());
        summary.put("threshold", threshold);
        summary.put("devMacroF1", devMetrics.macroF1());
        summary.put("devRocAuc", devMetrics.rocAuc());
        summary.put("devEce", devMetrics.ece());
        summary.put("exportCheckMaxGap", trained.maxPredictionGap());
        return new TrainedAttribute(model, summary, trained.model().getProvenance().toString());
    }

}
