package dev.safespeak.moderation.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A Hugging Face {@code tokenizer.json} run in plain Java: text to the ids a transformer's ONNX graph takes, special
 * tokens included. Two models are supported: WordPiece (BERT family, {@link WordPieceTokenizer}) and Unigram
 * (SentencePiece models such as XLM-R, {@link UnigramTokenizer}). Thread-safe once built.
 */
public interface SubwordTokenizer {

    /** Token ids of a text with the model's special tokens, cut to at most {@code maxTokens} ids in all. */
    int[] encode(String text, int maxTokens);

    /** The id padding positions get (they are masked out by {@code attention_mask} as well). */
    int padId();

    /** The vocabulary size, which bounds every id this tokenizer returns. */
    int vocabularySize();

    /** The pieces of a text as strings, without special tokens; for tests and explanations. */
    List<String> pieces(String text);

    /**
     * Reads a {@code tokenizer.json}.
     *
     * @throws IllegalArgumentException if its model is neither WordPiece nor Unigram, or it uses a normaliser,
     *                                  pre-tokenizer or post-processor this reader does not implement
     */
    static SubwordTokenizer read(InputStream in) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(in);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("tokenizer.json is not JSON");
        }
        String type = root == null ? "missing" : root.path("model").path("type").asText("missing");
        return switch (type) {
            case "WordPiece" -> WordPieceTokenizer.read(root);
            case "Unigram" -> UnigramTokenizer.read(root);
            default -> throw new IllegalArgumentException("tokenizer model is " + type
                    + ", only WordPiece and Unigram are supported");
        };
    }
}
