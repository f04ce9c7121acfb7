package dev.safespeak.moderation.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The trained part of the accurate engine: for each sentence encoder, the languages it serves and one head per
 * attribute, which blends a model on the encoder's embedding (linear, or with one hidden layer: {@link Hidden}) with
 * the fast model's scores of the same text, plus the cascade bands of the balanced mode. Read from
 * {@code encoder-heads.json}; immutable.
 *
 * <p>A head's score is {@code sigmoid(a * (w . x + bias) + sum_k b_k * logit(fast_k) + c)} (with a hidden layer,
 * {@code w . h(x)} for {@code w . x}: {@link Hidden}), where {@code x} is the L2-normalised embedding (by the
 * encoder's {@link Pooling}), {@code fast_k} the fast model's score of attribute {@code k} and {@code a, b_k, c} the
 * head's {@link Blend}, a stacker fitted on dev rows (where the fast model's scores are out of sample). Format
 * {@value #FORMAT} stores the blend on its own; the older {@value #FORMAT_1} folded it into one weight vector over
 * {@code [x, logits of the fast scores in Attribute order]} with Platt scaling, and still loads (as the same
 * function).
 */
public record EncoderHeads(String version, List<Encoder> encoders, JsonNode manifest) {

    public static final String FORMAT = "safespeak-encoder-heads/2";
    public static final String FORMAT_1 = "safespeak-encoder-heads/1";

    /**
     * How a head combines its encoder margin with the fast model's scores.
     *
     * @param encoder weight of the encoder margin ({@link Head#margin})
     * @param fast    weight of the logit of the fast score, per attribute; attributes absent weigh 0
     * @param bias    constant
     */
    public record Blend(double encoder, Map<Attribute, Double> fast, double bias) {

        public Blend {
            fast = fast.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fast));
        }

        /** No fast inputs: the encoder margin scaled and shifted (Platt scaling). */
        public static Blend encoderOnly(double a, double c) {
            return new Blend(a, Map.of(), c);
        }

        double logit(double margin, Map<Attribute, Double> fastScores) {
            double z = encoder * margin + bias;
            for (Map.Entry<Attribute, Double> f : fast.entrySet()) {
                z += f.getValue() * EncoderHeads.logit(fastScores.getOrDefault(f.getKey(), 0.0));
            }
            return z;
        }
    }

    /**
     * A head's hidden layer (decision 108): {@code h_j = max(0, W_j . x + b_j)} for each unit j.
     *
     * @param weights units x inputs, row-major
     * @param bias    one per unit
     */
    public record Hidden(float[] weights, float[] bias) {

        public Hidden {
            if (bias.length == 0 || weights.length == 0 || weights.length % bias.length != 0) {
                throw new IllegalArgumentException("a hidden layer needs at least one unit and units x inputs weights,"
                        + " got " + weights.length + " weights for " + bias.length + " units");
            }
        }

        public int units() {
            return bias.length;
        }

        public int inputs() {
            return weights.length / bias.length;
        }
    }

    /**
     * One attribute's head: a model on the embedding (linear, or with one hidden ReLU layer), its blend with the fast
     * scores and a threshold.
     *
     * @param weights on the embedding, or on the hidden units when there is a hidden layer
     * @param hidden  the hidden layer; null for a linear head
     */
    public record Head(float[] weights, double bias, Blend blend, double threshold, Hidden hidden) {

        public Head {
            if (hidden != null && weights.length != hidden.units()) {
                throw new IllegalArgumentException("a head with " + hidden.units() + " hidden units needs as many"
                        + " output weights, got " + weights.length);
            }
        }

        /** A linear head. */
        public Head(float[] weights, double bias, Blend blend, double threshold) {
            this(weights, bias, blend, threshold, null);
        }

        /** The encoder margin of one embedding: {@code w . x + bias}, or {@code w . h(x) + bias} with a hidden layer. */
        public double margin(float[] embedding) {
            int inputs = hidden == null ? weights.length : hidden.inputs();
            if (embedding.length != inputs) {
                throw new IllegalArgumentException("head has " + inputs + " inputs, got " + embedding.length);
            }
            if (hidden == null) {
                return bias + dot(weights, 0, embedding);
            }
            double z = bias;
            for (int j = 0; j < hidden.units(); j++) {
                double h = hidden.bias()[j] + dot(hidden.weights(), j * inputs, embedding);
                if (h > 0) {
                    z += weights[j] * h;
                }
            }
            return z;
        }

        private static double dot(float[] w, int from, float[] x) {
            double z = 0;
            for (int i = 0; i < x.length; i++) {
                z += w[from + i] * x[i];
            }
            return z;
        }

        /** The calibrated probability for one embedding and the fast model's scores of the same text. */
        public double score(float[] embedding, Map<Attribute, Double> fastScores) {
            return 1.0 / (1.0 + Math.exp(-blend.logit(margin(embedding), fastScores)));
        }
    }

    /**
     * One sentence encoder and its heads.
     *
     * @param name              for example {@code bge-small-en-v1.5-q}
     * @param onnxResource      classpath resource of the ONNX file
     * @param tokenizerResource classpath resource of tokenizer.json
     * @param onnxSha256        checksum of the ONNX file the heads were trained on, checked at load
     * @param languages         ISO 639-1 codes this encoder scores in accurate mode
     * @param dimension         size of the vector the heads read (twice the encoder's width for cls+mean)
     * @param pooling           which vector of the encoder's outputs the heads read ({@code pooling} in the file,
     *                          absent: {@link Pooling#CLS})
     * @param input             what text the encoder reads ({@code input} in the file, absent:
     *                          {@link EncoderInput#ORIGINAL})
     * @param heads             per attribute
     * @param band              balanced mode: the fast score range per attribute in which the encoder is asked
     * @param identityRoute     balanced mode: the encoder is also asked whenever the fast IDENTITY_ATTACK score is
     *                          at least this ({@code identityRoute} in the file, absent: empty, no such route)
     */
    public record Encoder(String name, String onnxResource, String tokenizerResource, String onnxSha256,
                          Set<String> languages, int dimension, Pooling pooling, EncoderInput input,
                          Map<Attribute, Head> heads,
                          Map<Attribute, double[]> band, OptionalDouble identityRoute) {
    }

    /** Reads and validates a heads file of either format. */
    public static EncoderHeads read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        String format = root == null ? "missing" : root.path("format").asText("missing");
        if (!FORMAT.equals(format) && !FORMAT_1.equals(format)) {
            throw new IllegalArgumentException("not an encoder heads file: format is " + format + ", expected "
                    + FORMAT + " (or the older " + FORMAT_1 + ")");
        }
        boolean folded = FORMAT_1.equals(format);
        boolean ngram = folded && root.path("ngramInputs").asBoolean(false);
        List<Encoder> encoders = new ArrayList<>();
        for (JsonNode e : root.path("encoders")) {
            String name = e.path("name").asText();
            int dim = e.path("dimension").asInt();
            if (dim <= 0) {
                throw new IllegalArgumentException("encoder " + name + " has dimension " + dim + ", expected > 0");
            }
            Map<Attribute, Head> heads = new EnumMap<>(Attribute.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("heads").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> h = it.next();
                String where = "head " + h.getKey() + " of " + name;
                heads.put(attribute(h.getKey(), where), folded ? readFolded(h.getValue(), dim, ngram, where)
                        : readBlended(h.getValue(), dim, where));
            }
            Map<Attribute, double[]> band = new EnumMap<>(Attribute.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("band").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> b = it.next();
                band.put(attribute(b.getKey(), "band of " + name), new double[] {b.getValue().get(0).asDouble(),
                        b.getValue().get(1).asDouble()});
            }
            OptionalDouble identityRoute = OptionalDouble.empty();
            if (e.has("identityRoute")) {
                double route = e.path("identityRoute").asDouble(Double.NaN);
                if (!e.path("identityRoute").isNumber() || !(route > 0 && route <= 1)) {
                    throw new IllegalArgumentException("encoder " + name + ": identityRoute must be a fast"
                            + " IDENTITY_ATTACK score in (0, 1], got " + e.path("identityRoute"));
                }
                identityRoute = OptionalDouble.of(route);
            }
            List<String> langs = new ArrayList<>();
            e.path("languages").forEach(l -> langs.add(l.asText()));
            Pooling pooling;
            EncoderInput input;
            try {
                pooling = Pooling.parse(e.path("pooling").asText(""));
                input = EncoderInput.parse(e.path("input").asText(""));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("encoder " + name + ": " + bad.getMessage());
            }
            encoders.add(new Encoder(name, e.path("onnxResource").asText(),
                    e.path("tokenizerResource").asText(), e.path("onnxSha256").asText(), Set.copyOf(langs), dim,
                    pooling, input, Collections.unmodifiableMap(heads), Collections.unmodifiableMap(band),
                    identityRoute));
        }
        if (encoders.isEmpty()) {
            throw new IllegalArgumentException("encoder heads file has no encoders");
        }
        ObjectNode manifest = root.path("manifest").isObject() ? (ObjectNode) root.path("manifest")
                : new ObjectMapper().createObjectNode();
        return new EncoderHeads(root.path("version").asText(), List.copyOf(encoders), manifest);
    }

    private static Attribute attribute(String name, String where) {
        try {
            return Attribute.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + name + " is not an attribute");
        }
    }

    private static float[] weights(JsonNode node, int expected, String where) {
        JsonNode w = node.path("weights");
        if (w.size() != expected) {
            throw new IllegalArgumentException(where + " has " + w.size() + " weights, expected " + expected);
        }
        return floats(w, where + " weights");
    }

    /** Format 2: weights on the embedding, and the blend as its own object. */
    private static Head readBlended(JsonNode h, int dim, String where) {
        JsonNode b = h.path("blend");
        if (!b.isObject() || !b.path("encoder").isNumber()) {
            throw new IllegalArgumentException(where + " has no blend {encoder, fast, bias}");
        }
        Map<Attribute, Double> fast = new EnumMap<>(Attribute.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = b.path("fast").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fast.put(attribute(f.getKey(), where + ", blend"), f.getValue().asDouble());
        }
        Blend blend = new Blend(b.path("encoder").asDouble(), fast, b.path("bias").asDouble());
        double threshold = h.path("threshold").asDouble(0.5);
        if (!h.has("hidden")) {
            return new Head(weights(h, dim, where), h.path("bias").asDouble(), blend, threshold);
        }
        JsonNode hb = h.path("hidden").path("bias");
        JsonNode hw = h.path("hidden").path("weights");
        if (hb.size() == 0) {
            throw new IllegalArgumentException(where + " has a hidden layer without units (hidden.bias is empty)");
        }
        int units = hb.size();
        if (hw.size() != units * dim) {
            throw new IllegalArgumentException(where + " has " + hw.size() + " hidden weights, expected " + units
                    + " units x " + dim + " inputs = " + units * dim);
        }
        return new Head(weights(h, units, where), h.path("bias").asDouble(), blend, threshold,
                new Hidden(floats(hw, where + " hidden weights"), floats(hb, where + " hidden bias")));
    }

    /** The numbers of a JSON array; anything else in it (a string, null) is refused, naming where it is. */
    private static float[] floats(JsonNode array, String where) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            if (!array.get(i).isNumber()) {
                throw new IllegalArgumentException(where + ": item " + i + " is " + array.get(i) + ", not a number");
            }
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    /**
     * Format 1: {@code sigmoid(plattA * (w . [x, fast logits] + bias) + plattB)}, which is the blend
     * {@code a = plattA, b_k = plattA * w[dim + k], c = plattB}.
     */
    private static Head readFolded(JsonNode h, int dim, boolean ngram, String where) {
        Attribute[] all = Attribute.values();
        float[] allWeights = weights(h, dim + (ngram ? all.length : 0), where);
        double plattA = h.path("plattA").asDouble(1.0);
        Map<Attribute, Double> fast = new EnumMap<>(Attribute.class);
        if (ngram) {
            for (int k = 0; k < all.length; k++) {
                if (allWeights[dim + k] != 0) {
                    fast.put(all[k], plattA * allWeights[dim + k]);
                }
            }
        }
        return new Head(java.util.Arrays.copyOf(allWeights, dim), h.path("bias").asDouble(),
                new Blend(plattA, fast, h.path("plattB").asDouble(0.0)), h.path("threshold").asDouble(0.5));
    }

    /** The logit of a probability, bounded to +-9.2 so 0 and 1 stay finite. */
    public static double logit(double p) {
        double q = Math.min(1 - 1e-4, Math.max(1e-4, p));
        return Math.log(q / (1 - q));
    }
}
