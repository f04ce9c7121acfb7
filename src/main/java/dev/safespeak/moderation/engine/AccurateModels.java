package dev.safespeak.moderation.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The loaded models of the accurate engine: the sentence encoders of an encoder heads file (each ONNX file checked
 * against the heads' {@code onnxSha256}), the n-gram model the heads were fitted against when it ships beside them
 * ({@link #PINNED_NGRAM_RESOURCE}), and optionally a bring-your-own classifier, which takes precedence for the
 * languages it declares. Loading costs seconds (an ONNX Runtime session per encoder), so a process loads them once
 * and shares them; scoring is thread-safe.
 */
public final class AccurateModels implements AutoCloseable {

    /**
     * Where the jar keeps the n-gram model the committed heads were fitted against when the default n-gram model is
     * another one (round 31 of training/dev-variants.md): the heads' blend reads n-gram scores, so they are served the
     * scores they were fitted on, and the default n-gram model can change without refitting them.
     */
    public static final String PINNED_NGRAM_RESOURCE = "models/default/encoder-heads-ngram.bin";

    private final List<AccurateScorer> scorers;
    private final EncoderHeads heads;
    private final ByoModel byo;
    private final Classifier pinnedNgram;
    private final List<AutoCloseable> sessions;

    private AccurateModels(List<AccurateScorer> scorers, EncoderHeads heads, ByoModel byo, Classifier pinnedNgram,
                           List<AutoCloseable> sessions) {
        this.scorers = List.copyOf(scorers);
        this.heads = heads;
        this.byo = byo;
        // Kept only when it is the model the heads name: then, and only then, the heads read its scores.
        String fitted = heads == null ? "" : heads.manifest().path("fastModelVersion").asText("");
        this.pinnedNgram = pinnedNgram != null && pinnedNgram.version().equals(fitted) ? pinnedNgram : null;
        this.sessions = List.copyOf(sessions);
    }

    /**
     * Loads the encoders of a heads file (ONNX and tokenizer from the classpath), the n-gram model they were fitted
     * against when {@link #PINNED_NGRAM_RESOURCE} holds that version, and a bring-your-own model.
     *
     * @param heads   the trained heads; null for none
     * @param byo     a bring-your-own classifier; null for none
     * @param threads ONNX Runtime intra-op threads per call; 1 suits a server that scores requests in parallel
     * @throws IllegalArgumentException if a resource is missing, a checksum differs or a model cannot run
     */
    public static AccurateModels load(EncoderHeads heads, ByoModel byo, int threads) throws IOException {
        if (heads == null && byo == null) {
            throw new IllegalArgumentException("the accurate engine has neither encoder heads nor a bring-your-own model");
        }
        List<AccurateScorer> scorers = new ArrayList<>();
        List<AutoCloseable> sessions = new ArrayList<>();
        Classifier pinned;
        try {
            if (byo != null) {
                OnnxSequenceClassifier classifier = OnnxSequenceClassifier.load(byo, threads);
                scorers.add(classifier);
                sessions.add(classifier::close);
            }
            if (heads != null) {
                for (EncoderHeads.Encoder encoder : heads.encoders()) {
                    OnnxTextModel model = loadEncoder(encoder, threads);
                    sessions.add(model);
                    scorers.add(new EncoderHeadScorer(encoder, model));
                }
            }
            pinned = heads == null ? null : shippedNgram();
        } catch (IOException | RuntimeException e) {
            closeAll(sessions);
            throw e;
        }
        return new AccurateModels(scorers, heads, byo, pinned, sessions);
    }

    /** Scorers already built, with nothing to close (routing tests use stub scorers). */
    static AccurateModels of(List<AccurateScorer> scorers) {
        return of(scorers, null, null);
    }

    /** Scorers already built, with heads and the n-gram model fitted with them (tests). */
    static AccurateModels of(List<AccurateScorer> scorers, EncoderHeads heads, Classifier pinnedNgram) {
        return new AccurateModels(scorers, heads, null, pinnedNgram, List.of());
    }

    /**
     * The n-gram model of {@link #PINNED_NGRAM_RESOURCE}; null when the jar has none. The heads read it only when it
     * is the version they name (otherwise they read the default model's scores, and
     * {@link EncoderClassifier#blendMismatch} says so).
     */
    public static TribuoClassifier shippedNgram() throws IOException {
        try (InputStream in = AccurateModels.class.getClassLoader().getResourceAsStream(PINNED_NGRAM_RESOURCE)) {
            return in == null ? null : TribuoClassifier.load(in);
        }
    }

    private static OnnxTextModel loadEncoder(EncoderHeads.Encoder encoder, int threads) throws IOException {
        ClassLoader loader = AccurateModels.class.getClassLoader();
        byte[] onnx;
        byte[] tokenizer;
        try (InputStream in = loader.getResourceAsStream(encoder.onnxResource());
             InputStream tok = loader.getResourceAsStream(encoder.tokenizerResource())) {
            if (in == null || tok == null) {
                throw new IllegalArgumentException("encoder " + encoder.name() + ": resource "
                        + (in == null ? encoder.onnxResource() : encoder.tokenizerResource())
                        + " is not on the classpath");
            }
            onnx = in.readAllBytes();
            tokenizer = tok.readAllBytes();
        }
        if (encoder.onnxSha256() == null || encoder.onnxSha256().isBlank()) {
            throw new IllegalArgumentException("encoder " + encoder.name() + ": the heads file gives no onnxSha256");
        }
        verify("encoder " + encoder.name() + ": ONNX file " + encoder.onnxResource(), onnx, encoder.onnxSha256());
        return OnnxTextModel.load(onnx, new ByteArrayInputStream(tokenizer), threads, OnnxTextModel.DEFAULT_MAX_TOKENS);
    }

    /**
     * Checks bytes against an expected SHA-256 (hex); null expects nothing.
     *
     * @throws IllegalArgumentException naming both checksums when they differ
     */
    static void verify(String what, byte[] bytes, String expected) {
        if (expected == null) {
            return;
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expected.strip())) {
            throw new IllegalArgumentException(what + " has SHA-256 " + actual + ", expected " + expected.strip());
        }
    }

    /** The SHA-256 of some bytes, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The model that scores a language: the bring-your-own model first, then the encoders in file order. */
    public Optional<AccurateScorer> forLanguage(String code) {
        for (AccurateScorer s : scorers) {
            if (s.languages().contains(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public List<AccurateScorer> scorers() {
        return scorers;
    }

    /** The heads file's version; empty without heads. */
    public Optional<String> headsVersion() {
        return heads == null ? Optional.empty() : Optional.of(heads.version());
    }

    /**
     * The n-gram model version the heads' blend was fitted against (the heads manifest's {@code fastModelVersion});
     * empty without heads or when the manifest does not say.
     */
    public Optional<String> headsFittedAgainst() {
        if (heads == null) {
            return Optional.empty();
        }
        String version = heads.manifest().path("fastModelVersion").asText("");
        return version.isEmpty() ? Optional.empty() : Optional.of(version);
    }

    /**
     * The n-gram model whose scores the heads' blend reads next to {@code fast}: {@code fast} itself when the heads
     * were fitted against it (or record nothing, or there are no heads), the model shipped beside the heads when it is
     * the one they name, and otherwise {@code fast} (a mismatch: {@link EncoderClassifier#blendMismatch}).
     */
    public Classifier blendInputs(Classifier fast) {
        return pinnedNgram == null || pinnedNgram.version().equals(fast.version()) ? fast : pinnedNgram;
    }

    public Optional<ByoModel> byo() {
        return Optional.ofNullable(byo);
    }

    /** One line for logs and health details, for example {@code encoder:bge-small-en-v1.5-q [en]}. */
    public String describe() {
        return scorers.stream().map(s -> s.engine() + " " + new java.util.TreeSet<>(s.languages()))
                .collect(Collectors.joining(", "))
                + (pinnedNgram == null ? "" : ", heads fitted against n-gram model " + pinnedNgram.version());
    }

    @Override
    public void close() {
        closeAll(sessions);
    }

    private static void closeAll(List<AutoCloseable> sessions) {
        for (AutoCloseable s : sessions) {
            try {
                s.close();
            } catch (Exception ignored) {
                // Closing frees native memory only; a failure here leaves nothing to repair.
            }
        }
    }
}
