package dev.safespeak.moderation.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * BERT's WordPiece tokenizer read from a Hugging Face {@code tokenizer.json}: the BertNormalizer (clean text,
 * spaces around CJK ideographs, optional lower-casing and accent stripping), the BertPreTokenizer (whitespace
 * and punctuation) and greedy longest-match WordPiece, framed by [CLS] and [SEP]. Plain Java, so no native
 * tokenizer library is needed; thread-safe once built.
 */
public final class WordPieceTokenizer implements SubwordTokenizer {

    private final Map<String, Integer> vocab;
    private final boolean lowercase;
    private final boolean stripAccents;
    private final boolean chineseChars;
    private final String prefix;
    private final int maxCharsPerWord;
    private final int unkId;
    private final int clsId;
    private final int sepId;

    private WordPieceTokenizer(Map<String, Integer> vocab, boolean lowercase, boolean stripAccents,
                               boolean chineseChars, String prefix, int maxCharsPerWord) {
        this.vocab = vocab;
        this.lowercase = lowercase;
        this.stripAccents = stripAccents;
        this.chineseChars = chineseChars;
        this.prefix = prefix;
        this.maxCharsPerWord = maxCharsPerWord;
        this.unkId = id(vocab, "[UNK]");
        this.clsId = id(vocab, "[CLS]");
        this.sepId = id(vocab, "[SEP]");
    }

    private static int id(Map<String, Integer> vocab, String token) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new IllegalArgumentException("tokenizer vocabulary has no " + token + " token");
        }
        return id;
    }

    /**
     * Reads a {@code tokenizer.json} whose model is WordPiece.
     *
     * @throws IllegalArgumentException if the file is not a WordPiece tokenizer
     */
    public static WordPieceTokenizer read(InputStream in) throws IOException {
        return read(new ObjectMapper().readTree(in));
    }

    /** Reads a parsed {@code tokenizer.json} whose model is WordPiece. */
    static WordPieceTokenizer read(JsonNode root) {
        JsonNode model = root.path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IllegalArgumentException("tokenizer model is " + model.path("type").asText("missing")
                    + ", only WordPiece is supported");
        }
        Map<String, Integer> vocab = new HashMap<>(model.path("vocab").size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        JsonNode norm = root.path("normalizer");
        boolean lowercase = norm.path("lowercase").asBoolean(true);
        // Hugging Face: strip_accents null means "follow lowercase".
        boolean strip = norm.path("strip_accents").isNull() || norm.path("strip_accents").isMissingNode()
                ? lowercase : norm.path("strip_accents").asBoolean();
        return new WordPieceTokenizer(vocab, lowercase, strip, norm.path("handle_chinese_chars").asBoolean(true),
                model.path("continuing_subword_prefix").asText("##"),
                model.path("max_input_chars_per_word").asInt(100));
    }

    /** The id of [PAD] (0 when the vocabulary has none). */
    @Override
    public int padId() {
        Integer pad = vocab.get("[PAD]");
        return pad == null ? 0 : pad;
    }

    /** The vocabulary size, which bounds every id this tokenizer returns. */
    @Override
    public int vocabularySize() {
        return vocab.size();
    }

    /** Token ids of a text framed by [CLS] and [SEP], cut to at most {@code maxTokens} ids in all. */
    @Override
    public int[] encode(String text, int maxTokens) {
        if (maxTokens < 2) {
            throw new IllegalArgumentException("maxTokens is " + maxTokens + ", at least 2 are needed");
        }
        List<Integer> ids = new ArrayList<>();
        ids.add(clsId);
        for (String word : preTokenize(normalise(text))) {
            if (ids.size() >= maxTokens - 1) {
                break;
            }
            wordPiece(word, ids);
        }
        int n = Math.min(ids.size(), maxTokens - 1);
        int[] out = new int[n + 1];
        for (int i = 0; i < n; i++) {
            out[i] = ids.get(i);
        }
        out[n] = sepId;
        return out;
    }

    /** The word pieces of a text as strings, without [CLS] and [SEP]; for tests and explanations. */
    @Override
    public List<String> pieces(String text) {
        Map<Integer, String> byId = new HashMap<>();
        vocab.forEach((k, v) -> byId.put(v, k));
        int[] ids = encode(text, Integer.MAX_VALUE);
        List<String> out = new ArrayList<>(ids.length);
        for (int i = 1; i < ids.length - 1; i++) {
            out.add(byId.get(ids[i]));
        }
        return out;
    }

    private String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                continue;
            }
            if (isWhitespace(cp)) {
                sb.append(' ');
            } else if (chineseChars && isCjk(cp)) {
                sb.append(' ').appendCodePoint(cp).append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        String s = sb.toString();
        if (stripAccents) {
            s = Normalizer.normalize(s, Normalizer.Form.NFD);
            StringBuilder kept = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    kept.append(c);
                }
            }
            s = kept.toString();
        }
        return lowercase ? s.toLowerCase(java.util.Locale.ROOT) : s;
    }

    private static List<String> preTokenize(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                flush(current, words);
            } else if (isPunctuation(cp)) {
                flush(current, words);
                words.add(new String(Character.toChars(cp)));
            } else {
                current.appendCodePoint(cp);
            }
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (current.length() > 0) {
            words.add(current.toString());
            current.setLength(0);
        }
    }

    private void wordPiece(String word, List<Integer> out) {
        if (word.codePointCount(0, word.length()) > maxCharsPerWord) {
            out.add(unkId);
            return;
        }
        int mark = out.size();
        int start = 0;
        while (start < word.length()) {
            int end = word.length();
            Integer found = null;
            while (start < end) {
                String piece = start > 0 ? prefix + word.substring(start, end) : word.substring(start, end);
                found = vocab.get(piece);
                if (found != null) {
                    break;
                }
                end = Character.isLowSurrogate(word.charAt(end - 1)) && end - 2 > start ? end - 2 : end - 1;
            }
            if (found == null) {
                while (out.size() > mark) {
                    out.remove(out.size() - 1);
                }
                out.add(unkId);
                return;
            }
            out.add(found);
            start = end;
        }
    }

    private static boolean isWhitespace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT;
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isCjk(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B820 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }
}
