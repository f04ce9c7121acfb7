package dev.safespeak.moderation.engine;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A transformer ONNX text model run in process by ONNX Runtime: a subword tokenizer (WordPiece or Unigram, see
 * {@link SubwordTokenizer}) and a session whose
 * inputs are {@code input_ids}, {@code attention_mask} and optionally {@code token_type_ids}. {@link #run}
 * answers one vector per text: the [CLS] position of a {@code [batch, tokens, dim]} output (sentence encoders)
 * or the row of a {@code [batch, dim]} output (sequence classifiers' logits); {@link #embed(List, Pooling)} can add
 * the mean of the token outputs. Thread-safe: ONNX Runtime sessions
 * may be run concurrently.
 */
public final class OnnxTextModel implements AutoCloseable {

    /** Texts are cut to this many word pieces, [CLS] and [SEP] included; toxic comments rarely need more. */
    public static final int DEFAULT_MAX_TOKENS = 256;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final SubwordTokenizer tokenizer;
    private final boolean typeIds;
    private final String output;
    private final int maxTokens;

    private OnnxTextModel(OrtEnvironment env, OrtSession session, SubwordTokenizer tokenizer, int maxTokens) {
        this.env = env;
        this.session = session;
        this.tokenizer = tokenizer;
        this.maxTokens = maxTokens;
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains("input_ids") || !inputs.contains("attention_mask")) {
            throw new IllegalArgumentException("ONNX model inputs are " + inputs
                    + ", input_ids and attention_mask are required");
        }
        this.typeIds = inputs.contains("token_type_ids");
        this.output = session.getOutputNames().iterator().next();
    }

    /**
     * Loads a model and its tokenizer.
     *
     * @param onnx       the ONNX file's bytes
     * @param tokenizer  the tokenizer.json
     * @param threads    intra-op threads per call; 1 suits a server that runs many calls in parallel
     * @throws IllegalArgumentException if the bytes are not an ONNX model with the inputs above
     */
    public static OnnxTextModel load(byte[] onnx, InputStream tokenizer, int threads, int maxTokens) throws IOException {
        SubwordTokenizer subwords = SubwordTokenizer.read(tokenizer);
        OnnxNativeLibraries.prepare();
        OrtEnvironment env = OnnxEnvironment.get();
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new OnnxTextModel(env, env.createSession(onnx, options), subwords, maxTokens);
        } catch (OrtException e) {
            throw new IllegalArgumentException("not an ONNX model ONNX Runtime can run: " + e.getMessage(), e);
        }
    }

    /** Loads a model and tokenizer from the classpath, for example the bge-small jars' resources. */
    public static OnnxTextModel fromClasspath(String onnxResource, String tokenizerResource, int threads)
            throws IOException {
        ClassLoader loader = OnnxTextModel.class.getClassLoader();
        try (InputStream onnx = loader.getResourceAsStream(onnxResource);
             InputStream tok = loader.getResourceAsStream(tokenizerResource)) {
            if (onnx == null || tok == null) {
                throw new IllegalArgumentException("encoder resources " + onnxResource + " and " + tokenizerResource
                        + " are not on the classpath");
            }
            return load(onnx.readAllBytes(), tok, threads, DEFAULT_MAX_TOKENS);
        }
    }

    public SubwordTokenizer tokenizer() {
        return tokenizer;
    }

    /** One output vector per text, in order (see the class comment for which position is read). */
    public float[][] run(List<String> texts) {
        return run(texts, Pooling.CLS);
    }

    /**
     * One output vector per text, in order: for a {@code [batch, tokens, dim]} output the pooling's parts over the
     * text's tokens one after the other (not normalised here); a {@code [batch, dim]} output is returned as it is and
     * allows only {@link Pooling#CLS}.
     */
    private float[][] run(List<String> texts, Pooling pooling) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        int[][] ids = new int[texts.size()][];
        int longest = 0;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenizer.encode(texts.get(i), maxTokens);
            longest = Math.max(longest, ids[i].length);
        }
        long[] inputIds = new long[ids.length * longest];
        java.util.Arrays.fill(inputIds, tokenizer.padId());
        long[] mask = new long[ids.length * longest];
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < ids[i].length; j++) {
                inputIds[i * longest + j] = ids[i][j];
                mask[i * longest + j] = 1;
            }
        }
        long[] shape = {ids.length, longest};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(inputIds), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[inputIds.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                OnnxValue value = result.get(0);
                Object raw = value.getValue();
                if (raw instanceof float[][][] hidden) {
                    float[][] out = new float[hidden.length][];
                    for (int i = 0; i < hidden.length; i++) {
                        out[i] = pooling == Pooling.CLS ? hidden[i][0] : pool(hidden[i], ids[i].length, pooling);
                    }
                    return out;
                }
                if (raw instanceof float[][] rows) {
                    if (pooling != Pooling.CLS) {
                        throw new IllegalStateException("ONNX output " + output + " is one vector per text, so it"
                                + " has no token outputs to pool by " + pooling.key());
                    }
                    return rows;
                }
                throw new IllegalStateException("ONNX output " + output + " is " + raw.getClass().getSimpleName()
                        + ", expected float[batch][tokens][dim] or float[batch][dim]");
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** L2-normalised [CLS] embeddings, as BGE models are meant to be used. */
    public float[][] embed(List<String> texts) {
        return embed(texts, Pooling.CLS);
    }

    /**
     * Embeddings by a pooling: each of its parts L2-normalised on its own, so the [CLS] part of every pooling
     * equals the {@link Pooling#CLS} vector.
     */
    public float[][] embed(List<String> texts, Pooling pooling) {
        float[][] out = run(texts, pooling);
        int parts = pooling.parts().size();
        for (float[] v : out) {
            int dim = v.length / parts;
            for (int p = 0; p < parts; p++) {
                normalise(v, p * dim, (p + 1) * dim);
            }
        }
        return out;
    }

    private static void normalise(float[] v, int from, int to) {
        double norm = 0;
        for (int i = from; i < to; i++) {
            norm += v[i] * v[i];
        }
        float inv = (float) (1.0 / Math.max(1e-12, Math.sqrt(norm)));
        for (int i = from; i < to; i++) {
            v[i] *= inv;
        }
    }

    /**
     * The pooling's parts over the first {@code tokens} rows (the text's own tokens, [CLS] and [SEP] too): the [CLS]
     * row, their mean or their element-wise maximum.
     */
    static float[] pool(float[][] hidden, int tokens, Pooling pooling) {
        int dim = hidden[0].length;
        float[] out = new float[pooling.parts().size() * dim];
        int at = 0;
        for (Pooling.Part part : pooling.parts()) {
            switch (part) {
                case CLS -> System.arraycopy(hidden[0], 0, out, at, dim);
                case MEAN -> {
                    for (int t = 0; t < tokens; t++) {
                        for (int j = 0; j < dim; j++) {
                            out[at + j] += hidden[t][j];
                        }
                    }
                    for (int j = 0; j < dim; j++) {
                        out[at + j] /= tokens;
                    }
                }
                case MAX -> {
                    System.arraycopy(hidden[0], 0, out, at, dim);
                    for (int t = 1; t < tokens; t++) {
                        for (int j = 0; j < dim; j++) {
                            out[at + j] = Math.max(out[at + j], hidden[t][j]);
                        }
                    }
                }
            }
            at += dim;
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX session did not close: " + e.getMessage(), e);
        }
    }
}
