package dev.safespeak.moderation.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safespeak.moderation.Attribute;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A bring-your-own ONNX sequence classifier as configured and as registered: where its ONNX file and
 * {@code tokenizer.json} are, their SHA-256 checksums, which attribute each output logit stands for, the
 * languages it scores and how logits become probabilities. Registered in the model registry as a small JSON
 * descriptor (format {@value #FORMAT}); the model files stay where the operator put them and are verified
 * against the checksums when loaded.
 *
 * @param name            short name, reported per text as {@code byo:<name>}
 * @param labels          one entry per output logit, in output order: the attribute it scores, or null to ignore it
 * @param onnxSha256      checksum of the ONNX file, checked at load; null to accept any (configuration before
 *                        registration)
 * @param tokenizerSha256 checksum of tokenizer.json; null to accept any
 * @param threshold       flag threshold for texts this model scores
 * @param band            balanced mode: the fast score range [low, high] inside which this model is asked
 */
public record ByoModel(String name, Path onnx, Path tokenizer, List<Attribute> labels, Set<String> languages,
                       Activation activation, double threshold, double[] band, String onnxSha256,
                       String tokenizerSha256) {

    public static final String FORMAT = "safespeak-byo-model/1";

    /** How logits become probabilities: sigmoid per logit (multi-label) or softmax over all (one label). */
    public enum Activation { SIGMOID, SOFTMAX }

    public ByoModel {
        if (name == null || !name.matches("[A-Za-z0-9._-]{1,60}")) {
            throw new IllegalArgumentException("bring-your-own model name '" + name
                    + "' must be 1 to 60 letters, digits, '.', '_' or '-'");
        }
        if (onnx == null || tokenizer == null) {
            throw new IllegalArgumentException("bring-your-own model " + name + " needs an ONNX file and a tokenizer.json");
        }
        if (labels == null || labels.stream().allMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("bring-your-own model " + name
                    + " maps no output to an attribute; labels lists one attribute (or -) per output");
        }
        if (languages == null || languages.isEmpty()) {
            throw new IllegalArgumentException("bring-your-own model " + name + " declares no languages");
        }
        for (String l : languages) {
            if (!l.matches("[a-z]{2}")) {
                throw new IllegalArgumentException("bring-your-own model " + name + ": language '" + l
                        + "' is not an ISO 639-1 code");
            }
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("bring-your-own model " + name + ": threshold " + threshold
                    + " must be between 0 and 1");
        }
        if (band == null || band.length != 2 || !(band[0] <= band[1])) {
            throw new IllegalArgumentException("bring-your-own model " + name + ": band must be two numbers low <= high");
        }
        labels = java.util.Collections.unmodifiableList(new ArrayList<>(labels));
        languages = Set.copyOf(languages);
        activation = activation == null ? Activation.SIGMOID : activation;
    }

    /**
     * Parses the label mapping as configured: one entry per output logit in output order, each an attribute name
     * or {@code -} to ignore, optionally prefixed by the model's own label name ({@code toxic=TOXICITY,obscene=-}).
     *
     * @throws IllegalArgumentException naming the entry that is not an attribute
     */
    public static List<Attribute> parseLabels(List<String> entries) {
        List<Attribute> labels = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            int eq = entry.indexOf('=');
            String target = eq >= 0 ? entry.substring(eq + 1).strip() : entry;
            if (target.equals("-") || target.isEmpty()) {
                labels.add(null);
            } else {
                labels.add(Attribute.parse(target).orElseThrow(() -> new IllegalArgumentException("label '" + raw
                        + "' maps to no attribute; use one of " + java.util.Arrays.toString(Attribute.values())
                        + " or -")));
            }
        }
        return labels;
    }

    /** The same model with the checksums of its files filled in. */
    public ByoModel withChecksums(String onnxSum, String tokenizerSum) {
        return new ByoModel(name, onnx, tokenizer, labels, languages, activation, threshold, band, onnxSum,
                tokenizerSum);
    }

    /**
     * The same model with the SHA-256 of its ONNX file and tokenizer as they are now; checksums the model already
     * names must still match. The files are streamed, so a model of gigabytes costs seconds, not memory.
     *
     * @throws IllegalArgumentException if a file is missing or no longer has the checksum the model names
     */
    public ByoModel sealed() throws IOException {
        return withChecksums(checksum(onnx, onnxSha256), checksum(tokenizer, tokenizerSha256));
    }

    private String checksum(Path file, String expected) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new IllegalArgumentException("bring-your-own model " + name + ": file " + file + " does not exist");
        }
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        String actual = java.util.HexFormat.of().formatHex(digest.digest());
        if (expected != null && !expected.equalsIgnoreCase(actual)) {
            throw new IllegalArgumentException("bring-your-own model " + name + ": file " + file.getFileName()
                    + " has SHA-256 " + actual + ", the descriptor expects " + expected);
        }
        return actual;
    }

    /** The registry version of this model: its name and the first 12 hex digits of the ONNX checksum. */
    public String version() {
        return "byo-" + name + "-" + (onnxSha256 == null ? "unverified" : onnxSha256.substring(0, 12));
    }

    /** The descriptor registered in the model registry. */
    public String toJson() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", version());
        root.put("name", name);
        root.put("onnx", onnx.toAbsolutePath().toString());
        root.put("onnxSha256", onnxSha256);
        root.put("tokenizer", tokenizer.toAbsolutePath().toString());
        root.put("tokenizerSha256", tokenizerSha256);
        ArrayNode l = root.putArray("labels");
        labels.forEach(a -> l.add(a == null ? "-" : a.name()));
        ArrayNode langs = root.putArray("languages");
        new TreeSet<>(languages).forEach(langs::add);
        root.put("activation", activation.name().toLowerCase(Locale.ROOT));
        root.put("threshold", threshold);
        root.putArray("band").add(band[0]).add(band[1]);
        return root.toPrettyString();
    }

    /**
     * Reads a registered descriptor.
     *
     * @throws IllegalArgumentException if it is not a descriptor of this format or a field is invalid
     */
    public static ByoModel read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a bring-your-own model descriptor: not JSON");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a bring-your-own model descriptor: format is "
                    + (root == null ? "missing" : root.path("format").asText("missing")) + ", expected " + FORMAT);
        }
        List<String> labels = new ArrayList<>();
        root.path("labels").forEach(n -> labels.add(n.asText()));
        Set<String> languages = new TreeSet<>();
        root.path("languages").forEach(n -> languages.add(n.asText()));
        JsonNode band = root.path("band");
        return new ByoModel(root.path("name").asText(), Path.of(root.path("onnx").asText()),
                Path.of(root.path("tokenizer").asText()), parseLabels(labels), languages,
                activation(root.path("activation").asText("sigmoid")), root.path("threshold").asDouble(0.5),
                new double[] {band.path(0).asDouble(0.2), band.path(1).asDouble(0.8)},
                root.path("onnxSha256").isTextual() ? root.path("onnxSha256").asText() : null,
                root.path("tokenizerSha256").isTextual() ? root.path("tokenizerSha256").asText() : null);
    }

    /** Parses {@code sigmoid} or {@code softmax}. */
    public static Activation activation(String name) {
        try {
            return Activation.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("activation '" + name + "' is unknown; use sigmoid or softmax");
        }
    }
}
