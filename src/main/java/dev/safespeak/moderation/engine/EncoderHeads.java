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
import java.util.Set;

/**
 * The trained part of the accurate engine: for each sentence encoder, the languages it serves and one calibrated
 * logistic head per attribute on its embedding (optionally followed by the fast model's scores as extra inputs),
 * plus the cascade bands of the balanced mode. Read from {@code encoder-heads.json}
 * (format {@value #FORMAT}); immutable.
 *
 * <p>A head's score is {@code sigmoid(plattA * (w . x + bias) + plattB)}, where {@code x} is the L2-normalised
 * embedding, followed, when {@link #ngramInputs()} is true, by the logits of the fast model's scores in
 * {@link Attribute} order.
 */
public record EncoderHeads(String version, boolean ngramInputs, List<Encoder> encoders, JsonNode manifest) {

    public static final String FORMAT = "safespeak-encoder-heads/1";

    /** One attribute's head. */
    public record Head(float[] weights, double bias, double plattA, double plattB, double threshold) {

        /** The calibrated probability for one input vector. */
        public double score(float[] x) {
            if (x.length != weights.length) {
                throw new IllegalArgumentException("head has " + weights.length + " inputs, got " + x.length);
            }
            double z = bias;
            for (int i = 0; i < x.length; i++) {
                z += weights[i] * x[i];
            }
            return 1.0 / (1.0 + Math.exp(-(plattA * z + plattB)));
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
     * @param dimension         embedding size
     * @param heads             per attribute
     * @param band              balanced mode: the fast score range per attribute in which the encoder is asked
     */
    public record Encoder(String name, String onnxResource, String tokenizerResource, String onnxSha256,
                          Set<String> languages, int dimension, Map<Attribute, Head> heads,
                          Map<Attribute, double[]> band) {
    }

    /** Reads and validates a heads file. */
    public static EncoderHeads read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not an encoder heads file: format is "
                    + (root == null ? "missing" : root.path("format").asText("missing")) + ", expected " + FORMAT);
        }
        boolean ngram = root.path("ngramInputs").asBoolean(false);
        List<Encoder> encoders = new ArrayList<>();
        for (JsonNode e : root.path("encoders")) {
            int dim = e.path("dimension").asInt();
            Map<Attribute, Head> heads = new EnumMap<>(Attribute.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("heads").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> h = it.next();
                JsonNode w = h.getValue().path("weights");
                float[] weights = new float[w.size()];
                for (int i = 0; i < weights.length; i++) {
                    weights[i] = (float) w.get(i).asDouble();
                }
                int expected = dim + (ngram ? Attribute.values().length : 0);
                if (weights.length != expected) {
                    throw new IllegalArgumentException("head " + h.getKey() + " of " + e.path("name").asText()
                            + " has " + weights.length + " weights, expected " + expected);
                }
                heads.put(Attribute.valueOf(h.getKey()), new Head(weights, h.getValue().path("bias").asDouble(),
                        h.getValue().path("plattA").asDouble(1.0), h.getValue().path("plattB").asDouble(0.0),
                        h.getValue().path("threshold").asDouble(0.5)));
            }
            Map<Attribute, double[]> band = new EnumMap<>(Attribute.class);
            for (Iterator<Map.Entry<String, JsonNode>> it = e.path("band").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> b = it.next();
                band.put(Attribute.valueOf(b.getKey()), new double[] {b.getValue().get(0).asDouble(),
                        b.getValue().get(1).asDouble()});
            }
            List<String> langs = new ArrayList<>();
            e.path("languages").forEach(l -> langs.add(l.asText()));
            encoders.add(new Encoder(e.path("name").asText(), e.path("onnxResource").asText(),
                    e.path("tokenizerResource").asText(), e.path("onnxSha256").asText(), Set.copyOf(langs), dim,
                    Collections.unmodifiableMap(heads), Collections.unmodifiableMap(band)));
        }
        if (encoders.isEmpty()) {
            throw new IllegalArgumentException("encoder heads file has no encoders");
        }
        ObjectNode manifest = root.path("manifest").isObject() ? (ObjectNode) root.path("manifest")
                : new ObjectMapper().createObjectNode();
        return new EncoderHeads(root.path("version").asText(), ngram, List.copyOf(encoders), manifest);
    }

    /** The input vector of a head: the embedding, then the fast model's score logits when the heads use them. */
    public float[] input(float[] embedding, Map<Attribute, Double> fastScores) {
        if (!ngramInputs) {
            return embedding;
        }
        Attribute[] all = Attribute.values();
        float[] x = new float[embedding.length + all.length];
        System.arraycopy(embedding, 0, x, 0, embedding.length);
        for (int i = 0; i < all.length; i++) {
            x[embedding.length + i] = (float) logit(fastScores.getOrDefault(all[i], 0.0));
        }
        return x;
    }

    /** The logit of a probability, bounded to +-9 so 0 and 1 stay finite. */
    public static double logit(double p) {
        double q = Math.min(1 - 1e-4, Math.max(1e-4, p));
        return Math.log(q / (1 - q));
    }
}
