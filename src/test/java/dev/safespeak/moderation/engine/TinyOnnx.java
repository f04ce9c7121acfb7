package dev.safespeak.moderation.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a tiny but real ONNX sequence classifier and its WordPiece {@code tokenizer.json}, byte by byte (the
 * ONNX protobuf encoded by hand, no ONNX library), so the bring-your-own path is tested without a downloaded model.
 *
 * <p>The classifier is a bag of words: each vocabulary entry has one weight per output, and the logits of a text
 * are the sum of the weights of its word pieces ([CLS] and [SEP] included, padding masked out by
 * {@code attention_mask}). Graph (opset 11): {@code Gather(W, input_ids) * Unsqueeze(Cast(attention_mask))}
 * summed over the token axis, output {@code logits [batch, outputs]}. A few hundred bytes.
 */
public final class TinyOnnx {

    /** The vocabulary in id order; {@link #WEIGHTS} gives each entry's weight per output. */
    public static final List<String> VOCAB = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "you", "are", "an",
            "idiot", "nice", "hello", "kill", "##s");

    /**
     * Weights per vocabulary entry for three outputs: 0 an insult logit, 1 a threat logit, 2 a neutral logit.
     * [CLS] carries the bias (-3 on the first two outputs).
     */
    public static final float[][] WEIGHTS = {
            {4, 4, 4}, // [PAD]: never counted, attention_mask masks it out (tests rely on it)
            {0, 0, 0}, // [UNK]
            {-3, -3, 1}, // [CLS]
            {0, 0, 0}, // [SEP]
            {0.5f, 0, 0}, // you
            {0, 0, 0}, // are
            {0, 0, 0}, // an
            {6, 0, -2}, // idiot
            {-2, 0, 2}, // nice
            {0, 0, 0.5f}, // hello
            {1, 5, -2}, // kill
            {0, 0, 0}, // ##s
    };

    private TinyOnnx() {
    }

    /** The logits the model computes for some vocabulary ids (the test's expected values). */
    public static float[] logits(int... ids) {
        float[] out = new float[WEIGHTS[0].length];
        for (int id : ids) {
            for (int j = 0; j < out.length; j++) {
                out[j] += WEIGHTS[id][j];
            }
        }
        return out;
    }

    /** The id of a vocabulary entry. */
    public static int id(String piece) {
        int i = VOCAB.indexOf(piece);
        if (i < 0) {
            throw new IllegalArgumentException(piece + " is not in the tiny vocabulary");
        }
        return i;
    }

    /** Writes {@code model.onnx} and {@code tokenizer.json} into a directory and returns the two paths. */
    public static Files2 write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path onnx = Files.write(dir.resolve("model.onnx"), model());
            Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson());
            return new Files2(onnx, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two files of a written model. */
    public record Files2(Path onnx, Path tokenizer) {
    }

    /** A Hugging Face tokenizer.json with a WordPiece model over {@link #VOCAB}. */
    public static String tokenizerJson() {
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < VOCAB.size(); i++) {
            vocab.append(i == 0 ? "" : ", ").append('"').append(VOCAB.get(i)).append("\": ").append(i);
        }
        return """
                {"version": "1.0",
                 "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                                "strip_accents": null, "lowercase": true},
                 "pre_tokenizer": {"type": "BertPreTokenizer"},
                 "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                           "max_input_chars_per_word": 100, "vocab": {%s}}}
                """.formatted(vocab);
    }

    /** The ONNX ModelProto bytes. */
    public static byte[] model() {
        int outputs = WEIGHTS[0].length;
        ByteBuffer raw = ByteBuffer.allocate(VOCAB.size() * outputs * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : WEIGHTS) {
            for (float w : row) {
                raw.putFloat(w);
            }
        }
        Proto weights = new Proto().varints(1, VOCAB.size(), outputs).varint(2, 1 /* FLOAT */)
                .string(8, "W").bytes(9, raw.array());

        Proto graph = new Proto()
                .message(1, node("gather", "Gather", List.of("W", "input_ids"), "emb"))
                .message(1, node("cast", "Cast", List.of("attention_mask"), "mask_f",
                        new Proto().string(1, "to").varint(3, 1 /* FLOAT */).varint(20, 2 /* INT */)))
                .message(1, node("unsqueeze", "Unsqueeze", List.of("mask_f"), "mask_3d",
                        new Proto().string(1, "axes").varints(8, 2).varint(20, 7 /* INTS */)))
                .message(1, node("mul", "Mul", List.of("emb", "mask_3d"), "masked"))
                .message(1, node("sum", "ReduceSum", List.of("masked"), "logits",
                        new Proto().string(1, "axes").varints(8, 1).varint(20, 7 /* INTS */),
                        new Proto().string(1, "keepdims").varint(3, 0).varint(20, 2 /* INT */)))
                .string(2, "tiny-sequence-classifier")
                .message(5, weights)
                .message(11, valueInfo("input_ids", 7 /* INT64 */, "batch", "tokens"))
                .message(11, valueInfo("attention_mask", 7, "batch", "tokens"))
                .message(12, valueInfo("logits", 1, "batch", outputs));

        return new Proto()
                .varint(1, 6) // ir_version
                .string(2, "safespeak-tests")
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 11)) // opset_import: default domain, opset 11
                .toBytes();
    }

    private static Proto node(String name, String op, List<String> inputs, String output, Proto... attributes) {
        Proto node = new Proto();
        inputs.forEach(i -> node.string(1, i));
        node.string(2, output).string(3, name).string(4, op);
        for (Proto a : attributes) {
            node.message(5, a);
        }
        return node;
    }

    /** A ValueInfoProto of a tensor; each dimension is a name (symbolic) or an Integer (fixed). */
    private static Proto valueInfo(String name, int elemType, Object... dims) {
        Proto shape = new Proto();
        for (Object d : dims) {
            shape.message(1, d instanceof Integer n ? new Proto().varint(1, n) : new Proto().string(2, (String) d));
        }
        Proto tensor = new Proto().varint(1, elemType).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    /** Just enough protobuf: varints, repeated varints and length-delimited fields, in the order written. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            writeVarint((long) field << 3);
            writeVarint(value);
            return this;
        }

        Proto varints(int field, long... values) {
            for (long v : values) {
                varint(field, v);
            }
            return this;
        }

        Proto bytes(int field, byte[] value) {
            writeVarint(((long) field << 3) | 2);
            writeVarint(value.length);
            out.writeBytes(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return bytes(field, message.toBytes());
        }

        byte[] toBytes() {
            return out.toByteArray();
        }

        private void writeVarint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }

    /** The label mapping of the three outputs, as configuration writes it. */
    public static final List<String> LABELS = List.of("insult=INSULT", "threat=THREAT", "neutral=-");
}
