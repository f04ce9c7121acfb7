package dev.safespeak.moderation.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.engine.TribuoClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an n-gram model whose attributes come from two trained models (round 51, training/dev-variants.md): every
 * attribute of {@code --base}, except those named in {@code --take}, which come from {@code --from}. Each attribute of
 * the n-gram model is its own linear classifier with its own calibration and threshold over one hashed feature space,
 * so an attribute taken whole from another model with the same feature space scores exactly as it does there. The
 * encoder heads can then be fitted against a model that is the heads' own n-gram model for most attributes and the
 * default model for others ({@code EncoderTrainCommand --ngram FILE}).
 *
 * <p>Usage: {@code NgramComposeCommand --base A.bin --from B.bin --take THREAT[,INSULT...] --version V --out C.bin}.
 * The manifest of the result is A's with the new version, B's {@code training} entries for the attributes taken, and
 * {@code composedFrom} naming both versions and the attributes taken.
 */
public final class NgramComposeCommand {

    private NgramComposeCommand() {
    }

    public static void main(String[] args) throws IOException {
        CommandOptions options = CommandOptions.parse(args);
        Path base = Path.of(required(options, "base"));
        Path from = Path.of(required(options, "from"));
        Path out = Path.of(required(options, "out"));
        TribuoClassifier composed = compose(load(base), load(from), attributes(required(options, "take")),
                required(options, "version"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            composed.write(o);
        }
        System.out.println("wrote n-gram model " + composed.version() + " to " + out);
    }

    /**
     * {@code base} with the attributes {@code take} replaced by {@code from}'s.
     *
     * @throws IllegalArgumentException when the feature spaces differ, an attribute is missing from either model, or
     *                                  the version is blank or one of the two models'
     */
    static TribuoClassifier compose(TribuoClassifier base, TribuoClassifier from, Iterable<Attribute> take,
                                    String version) throws IOException {
        if (version.isBlank() || version.equals(base.version()) || version.equals(from.version())) {
            throw new IllegalArgumentException("--version must name the new model, not be blank or "
                    + base.version() + " or " + from.version() + ": " + version);
        }
        if (base.extractor().bucketBits() != from.extractor().bucketBits()
                || base.extractor().languageFeature() != from.extractor().languageFeature()) {
            throw new IllegalArgumentException("the models' feature spaces differ: " + base.version() + " has 2^"
                    + base.extractor().bucketBits() + " buckets, language feature " + base.extractor().languageFeature()
                    + "; " + from.version() + " 2^" + from.extractor().bucketBits() + ", language feature "
                    + from.extractor().languageFeature());
        }
        Map<Attribute, TribuoClassifier.AttributeModel> models = new EnumMap<>(base.models());
        Map<String, String> taken = new LinkedHashMap<>();
        for (Attribute a : take) {
            if (!base.attributes().contains(a) || !from.attributes().contains(a)) {
                throw new IllegalArgumentException(a + " is not an attribute of both models ("
                        + base.version() + ": " + base.attributes() + "; " + from.version() + ": " + from.attributes()
                        + ")");
            }
            models.put(a, from.models().get(a));
            taken.put(a.name(), from.version());
        }
        if (taken.isEmpty()) {
            throw new IllegalArgumentException("--take names no attribute");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = base.manifestJson().isBlank() ? json.createObjectNode()
                : (ObjectNode) json.readTree(base.manifestJson());
        JsonNode fromManifest = from.manifestJson().isBlank() ? json.createObjectNode()
                : json.readTree(from.manifestJson());
        manifest.put("version", version);
        // Per attribute, the training record (threshold, calibration, dev numbers) of the model it comes from.
        ObjectNode training = manifest.withObjectProperty("training");
        for (String name : taken.keySet()) {
            JsonNode entry = fromManifest.path("training").path(name);
            if (entry.isMissingNode()) {
                training.remove(name);
            } else {
                training.set(name, entry.deepCopy());
            }
        }
        ObjectNode composedFrom = manifest.putObject("composedFrom");
        composedFrom.put("base", base.version());
        composedFrom.set("taken", json.valueToTree(taken));
        composedFrom.put("note", "every other entry of this manifest (evaluation, provenance, data) describes the"
                + " base model " + base.version());
        return new TribuoClassifier(version, base.extractor(), models, json.writeValueAsString(manifest));
    }

    static Iterable<Attribute> attributes(String list) {
        java.util.List<Attribute> attributes = new java.util.ArrayList<>();
        for (String name : list.split(",")) {
            Attribute a = Attribute.parse(name.trim())
                    .orElseThrow(() -> new IllegalArgumentException("--take: unknown attribute " + name.trim()));
            if (attributes.contains(a)) {
                throw new IllegalArgumentException("--take names " + a + " twice");
            }
            attributes.add(a);
        }
        return attributes;
    }

    private static TribuoClassifier load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return TribuoClassifier.load(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such model file: " + file);
        }
    }

    private static String required(CommandOptions options, String name) {
        String value = options.get(name, "");
        if (value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
