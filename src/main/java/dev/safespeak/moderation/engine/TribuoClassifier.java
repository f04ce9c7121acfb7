package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A classifier built from per-attribute logistic regressions trained with Tribuo's linear SGD on
 * hashed features, with Platt calibration and dev-chosen thresholds.
 *
 * <p>The artifact stores the trained weights as dense float arrays per attribute instead of Tribuo's
 * serialised model: a Tribuo model keeps per-feature statistics and names that make it ten times
 * larger and slower to score (see docs/decisions/030-compact-model-artifact.md). The Tribuo model
 * provenance is kept verbatim in the manifest. Instances are immutable and thread-safe.
 */
public final class TribuoClassifier implements Classifier {

    /** Classpath location of the committed default model. */
    public static final String DEFAULT_RESOURCE = "models/default/safespeak-model.bin";

    /** Artifact format version written by this code; loading another version fails fast. */
    public static final int FORMAT_VERSION = 1;

    /** Model type tag checked on load. */
    public static final String MODEL_TYPE = "tribuo-linear-sgd-logistic-hashed";

    private static final String MAGIC = "SAFESPEAK-MODEL";

    private static final int MAX_MANIFEST_BYTES = 8 * 1024 * 1024;

    /**
     * One attribute's linear model.
     *
     * @param weights  weight per hash bucket (positive-class margin units)
     * @param bias     intercept
     * @param plattA   calibration slope applied to the margin
     * @param plattB   calibration intercept
     * @param threshold flag threshold on the calibrated probability
     */
    public record AttributeModel(float[] weights, double bias, double plattA, double plattB, double threshold) {
    }

    /** An attribute's model without its weights, which live in {@link #interleaved} only. */
    private record Calibration(double bias, double plattA, double plattB, double threshold) {

        double probability(double margin) {
            return 1.0 / (1.0 + Math.exp(-(plattA * margin + plattB)));
        }
    }

    private final String version;
    private final FeatureExtractor extractor;
    private final String manifestJson;
    /**
     * The attributes in enum order, their calibrations, and every attribute's weights interleaved by bucket (see
     * score): the only copy of the weights, so a loaded model holds them once (before 2026-12-07 the per-attribute
     * arrays were kept as well, twice the heap).
     */
    private final Attribute[] order;
    private final Set<Attribute> attributes;
    private final Calibration[] ordered;
    private final float[] interleaved;

    /**
     * @throws IllegalArgumentException if a model's weight count does not match the extractor's buckets
     */
    public TribuoClassifier(String version, FeatureExtractor extractor, Map<Attribute, AttributeModel> models,
                            String manifestJson) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("model has no attributes");
        }
        for (Map.Entry<Attribute, AttributeModel> e : models.entrySet()) {
            if (e.getValue().weights().length != extractor.buckets()) {
                throw new IllegalArgumentException("attribute " + e.getKey() + " has " + e.getValue().weights().length
                        + " weights, the feature space has " + extractor.buckets());
            }
        }
        this.version = version;
        this.extractor = extractor;
        this.manifestJson = manifestJson;
        Map<Attribute, AttributeModel> sorted = new EnumMap<>(models);
        this.order = sorted.keySet().toArray(Attribute[]::new);
        this.attributes = Collections.unmodifiableSet(java.util.EnumSet.copyOf(sorted.keySet()));
        this.ordered = new Calibration[order.length];
        int count = order.length;
        this.interleaved = new float[Math.multiplyExact(extractor.buckets(), count)];
        for (int a = 0; a < count; a++) {
            AttributeModel m = sorted.get(order[a]);
            ordered[a] = new Calibration(m.bias(), m.plattA(), m.plattB(), m.threshold());
            float[] weights = m.weights();
            for (int b = 0; b < weights.length; b++) {
                interleaved[b * count + a] = weights[b];
            }
        }
    }

    /** Attribute a's weights (a copy, taken out of the interleaved array). */
    private float[] weightsOf(int a) {
        int count = order.length;
        float[] weights = new float[extractor.buckets()];
        for (int b = 0; b < weights.length; b++) {
            weights[b] = interleaved[b * count + a];
        }
        return weights;
    }

    /** Loads the committed default model from the classpath. */
    public static TribuoClassifier loadDefault() {
        try (InputStream in = TribuoClassifier.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default model " + DEFAULT_RESOURCE + " is not on the classpath");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("default model " + DEFAULT_RESOURCE + " cannot be read", e);
        }
    }

    /**
     * Reads a model artifact, checking its header, format version and model type before anything else.
     *
     * @throws IllegalArgumentException if the stream is not a model of this format and type
     * @throws IOException              if the stream cannot be read
     */
    public static TribuoClassifier load(InputStream raw) throws IOException {
        DataInputStream in;
        try {
            in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException("model artifact is not a SafeSpeak model (not gzip)");
        }
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IllegalArgumentException("model artifact is not a SafeSpeak model (header " + magic + ")");
        }
        int format = in.readInt();
        if (format != FORMAT_VERSION) {
            throw new IllegalArgumentException("model artifact format is " + format + ", this build reads " + FORMAT_VERSION);
        }
        String type = in.readUTF();
        if (!MODEL_TYPE.equals(type)) {
            throw new IllegalArgumentException("model type is " + type + ", expected " + MODEL_TYPE);
        }
        String version = in.readUTF();
        int bucketBits = in.readInt();
        int manifestLength = in.readInt();
        if (manifestLength < 0 || manifestLength > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException("model manifest length " + manifestLength + " is out of range");
        }
        byte[] manifest = in.readNBytes(manifestLength);
        FeatureExtractor extractor = new FeatureExtractor(bucketBits, languageFeature(manifest));
        int count = in.readInt();
        Map<Attribute, AttributeModel> models = new EnumMap<>(Attribute.class);
        byte[] block = new byte[Math.multiplyExact(extractor.buckets(), Float.BYTES)];
        for (int a = 0; a < count; a++) {
            String name = in.readUTF();
            Attribute attribute = Attribute.parse(name)
                    .orElseThrow(() -> new IllegalArgumentException("model has unknown attribute " + name));
            double bias = in.readDouble();
            double plattA = in.readDouble();
            double plattB = in.readDouble();
            double threshold = in.readDouble();
            float[] weights = new float[extractor.buckets()];
            // One bulk read per attribute: readFloat would inflate the stream four bytes at a time (a second of
            // the default model's load for its 3 million weights).
            in.readFully(block);
            ByteBuffer.wrap(block).asFloatBuffer().get(weights);
            models.put(attribute, new AttributeModel(weights, bias, plattA, plattB, threshold));
        }
        return new TribuoClassifier(version, extractor, models, new String(manifest, StandardCharsets.UTF_8));
    }

    /**
     * Whether the model was trained with the language as a feature: its manifest says
     * {@code "languageFeature": false} when not; models written before the option existed used it.
     */
    private static boolean languageFeature(byte[] manifest) {
        if (manifest.length == 0) {
            return true;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest);
            return node == null || !node.path("languageFeature").isBoolean() || node.path("languageFeature").asBoolean();
        } catch (IOException e) {
            throw new IllegalArgumentException("model manifest is not valid JSON: " + e.getMessage());
        }
    }

    /** Writes this model in the artifact format that {@link #load(InputStream)} reads. */
    public void write(OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
        DataOutputStream out = new DataOutputStream(gzip);
        out.writeUTF(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(MODEL_TYPE);
        out.writeUTF(version);
        out.writeInt(extractor.bucketBits());
        byte[] manifest = manifestJson.getBytes(StandardCharsets.UTF_8);
        out.writeInt(manifest.length);
        out.write(manifest);
        out.writeInt(order.length);
        for (int a = 0; a < order.length; a++) {
            Calibration m = ordered[a];
            out.writeUTF(order[a].name());
            out.writeDouble(m.bias());
            out.writeDouble(m.plattA());
            out.writeDouble(m.plattB());
            out.writeDouble(m.threshold());
            float[] weights = weightsOf(a);
            ByteArrayOutputStream block = new ByteArrayOutputStream(weights.length * 4);
            DataOutputStream blockOut = new DataOutputStream(block);
            for (float w : weights) {
                blockOut.writeFloat(w);
            }
            block.writeTo(out);
        }
        out.flush();
        gzip.finish();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Set<Attribute> attributes() {
        return attributes;
    }

    /** The JSON manifest with provenance, data checksums and evaluation summary. */
    public String manifestJson() {
        return manifestJson;
    }

    public FeatureExtractor extractor() {
        return extractor;
    }

    /**
     * The per-attribute models, for evaluation and tests: built on each call, with copies of the weights (about 2 MB
     * per attribute), since the classifier keeps its weights interleaved only.
     */
    public Map<Attribute, AttributeModel> models() {
        Map<Attribute, AttributeModel> models = new EnumMap<>(Attribute.class);
        for (int a = 0; a < order.length; a++) {
            Calibration m = ordered[a];
            models.put(order[a], new AttributeModel(weightsOf(a), m.bias(), m.plattA(), m.plattB(), m.threshold()));
        }
        return Collections.unmodifiableMap(models);
    }

    /**
     * Every attribute's margin (bias plus weight times value over the features) at once from the interleaved weights,
     * so a feature's weights share a cache line instead of sitting in one 2 MB array per attribute; each margin adds
     * the same products in the same order as {@link #margins} does, so the doubles are identical.
     */
    @Override
    public Map<Attribute, Double> score(AnalysedText text) {
        FeatureExtractor.Features features = extractor.extract(text);
        int count = order.length;
        double[] z = new double[count];
        for (int a = 0; a < count; a++) {
            z[a] = ordered[a].bias();
        }
        int[] buckets = features.buckets();
        float[] values = features.values();
        for (int i = 0; i < buckets.length; i++) {
            int base = buckets[i] * count;
            float value = values[i];
            for (int a = 0; a < count; a++) {
                z[a] += interleaved[base + a] * value;
            }
        }
        Map<Attribute, Double> scores = new EnumMap<>(Attribute.class);
        for (int a = 0; a < count; a++) {
            scores.put(order[a], ordered[a].probability(z[a]));
        }
        return scores;
    }

    /** The raw (uncalibrated) margins, used by training to fit calibration. */
    public Map<Attribute, Double> margins(AnalysedText text) {
        FeatureExtractor.Features features = extractor.extract(text);
        int count = order.length;
        int[] buckets = features.buckets();
        float[] values = features.values();
        Map<Attribute, Double> margins = new EnumMap<>(Attribute.class);
        for (int a = 0; a < count; a++) {
            double z = ordered[a].bias();
            for (int i = 0; i < buckets.length; i++) {
                z += interleaved[buckets[i] * count + a] * values[i];
            }
            margins.put(order[a], z);
        }
        return margins;
    }

    @Override
    public Map<Attribute, List<TokenContribution>> explain(AnalysedText text) {
        FeatureExtractor.Features features = extractor.extract(text);
        List<Token> tokens = text.tokens();
        Map<Attribute, List<TokenContribution>> result = new EnumMap<>(Attribute.class);
        int[] occBucket = features.occurrenceBucket();
        int[] occToken = features.occurrenceToken();
        float[] occShare = features.occurrenceShare();
        int count = order.length;
        for (int a = 0; a < count; a++) {
            double[] perToken = new double[tokens.size()];
            for (int i = 0; i < occBucket.length; i++) {
                int t = occToken[i];
                if (t >= 0 && t < perToken.length) {
                    perToken[t] += interleaved[occBucket[i] * count + a] * occShare[i];
                }
            }
            // Scale to calibrated logit units so weights compare across attributes.
            double scale = ordered[a].plattA();
            List<TokenContribution> contributions = new ArrayList<>();
            for (int t = 0; t < perToken.length; t++) {
                if (perToken[t] != 0) {
                    contributions.add(new TokenContribution(tokens.get(t), perToken[t] * scale));
                }
            }
            contributions.sort((x, y) -> Double.compare(y.weight(), x.weight()));
            result.put(order[a], List.copyOf(contributions));
        }
        return result;
    }

    @Override
    public Map<Attribute, Double> defaultThresholds() {
        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        for (int a = 0; a < order.length; a++) {
            thresholds.put(order[a], ordered[a].threshold());
        }
        return thresholds;
    }
}
