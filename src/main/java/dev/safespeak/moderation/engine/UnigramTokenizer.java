package dev.safespeak.moderation.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A SentencePiece Unigram tokenizer read from a Hugging Face {@code tokenizer.json} (XLM-R and other SentencePiece
 * models): the normaliser, the Metaspace pre-tokenizer ({@code ▁} marks a word start), the most probable
 * segmentation of each word into vocabulary pieces (Viterbi over the pieces' log-probabilities; characters no piece
 * covers become one unknown token per run) and the post-processor's special tokens ({@code <s> ... </s>}).
 *
 * <p>Supported normalisers: {@code Precompiled} (SentencePiece's compiled NFKC table, approximated by Unicode NFKC
 * with control characters dropped and every space character made a plain space; texts with rare compatibility
 * characters may tokenize differently from Hugging Face), {@code NFC}, {@code NFD}, {@code NFKC}, {@code NFKD},
 * {@code Lowercase}, {@code Strip}, {@code Replace} (string or regex) and {@code Sequence} of these. Pre-tokenizers:
 * {@code Metaspace}, {@code WhitespaceSplit} and their {@code Sequence}. Post-processors: {@code TemplateProcessing},
 * {@code RobertaProcessing}, {@code BertProcessing} or none. Anything else is refused when the file is read, so a
 * model never runs on silently different tokens. Thread-safe once built.
 */
public final class UnigramTokenizer implements SubwordTokenizer {

    /** Hugging Face's penalty below the lowest piece score for a character no piece covers. */
    private static final double UNKNOWN_PENALTY = 10.0;

    private final Map<String, Integer> ids;
    private final String[] pieceOf;
    private final double[] scores;
    private final int maxPieceChars;
    private final int unkId;
    private final double unkScore;
    private final UnaryOperator<String> normaliser;
    private final PreTokenizer preTokenizer;
    private final int[] prefix;
    private final int[] suffix;
    private final int padId;

    /** Splits a normalised text into the words Viterbi segments, each with its {@code ▁} markers. */
    private interface PreTokenizer {
        List<String> split(List<String> parts);
    }

    private UnigramTokenizer(Map<String, Integer> ids, String[] pieceOf, double[] scores, int unkId,
                             UnaryOperator<String> normaliser, PreTokenizer preTokenizer, int[] prefix, int[] suffix,
                             int padId) {
        this.ids = ids;
        this.pieceOf = pieceOf;
        this.scores = scores;
        this.unkId = unkId;
        this.normaliser = normaliser;
        this.preTokenizer = preTokenizer;
        this.prefix = prefix;
        this.suffix = suffix;
        this.padId = padId;
        int longest = 1;
        double min = 0;
        for (int i = 0; i < pieceOf.length; i++) {
            longest = Math.max(longest, pieceOf[i].length());
            min = Math.min(min, scores[i]);
        }
        this.maxPieceChars = longest;
        this.unkScore = min - UNKNOWN_PENALTY;
    }

    /**
     * Reads a parsed {@code tokenizer.json} whose model is Unigram.
     *
     * @throws IllegalArgumentException naming the part of the file this reader does not implement
     */
    static UnigramTokenizer read(JsonNode root) {
        JsonNode model = root.path("model");
        JsonNode vocab = model.path("vocab");
        if (!vocab.isArray() || vocab.isEmpty()) {
            throw new IllegalArgumentException("Unigram tokenizer has no vocabulary");
        }
        Map<String, Integer> ids = new HashMap<>(vocab.size() * 2);
        String[] pieces = new String[vocab.size()];
        double[] scores = new double[vocab.size()];
        for (int i = 0; i < vocab.size(); i++) {
            JsonNode entry = vocab.get(i);
            pieces[i] = entry.path(0).asText();
            scores[i] = entry.path(1).asDouble();
            ids.putIfAbsent(pieces[i], i);
        }
        if (model.path("byte_fallback").asBoolean(false)) {
            throw new IllegalArgumentException("Unigram tokenizer with byte_fallback is not supported");
        }
        int unkId = model.path("unk_id").isNumber() ? model.path("unk_id").asInt() : -1;
        if (unkId < 0 || unkId >= pieces.length) {
            throw new IllegalArgumentException("Unigram tokenizer has no unk_id");
        }
        int[][] specials = specials(root.path("post_processor"), ids);
        int padId = root.path("padding").path("pad_id").isNumber() ? root.path("padding").path("pad_id").asInt()
                : ids.getOrDefault("<pad>", 0);
        return new UnigramTokenizer(ids, pieces, scores, unkId, normaliser(root.path("normalizer")),
                preTokenizer(root.path("pre_tokenizer")), specials[0], specials[1], padId);
    }

    private static UnaryOperator<String> normaliser(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return UnaryOperator.identity();
        }
        String type = n.path("type").asText();
        return switch (type) {
            case "Sequence" -> {
                List<UnaryOperator<String>> steps = new ArrayList<>();
                n.path("normalizers").forEach(step -> steps.add(normaliser(step)));
                yield text -> {
                    String out = text;
                    for (UnaryOperator<String> step : steps) {
                        out = step.apply(out);
                    }
                    return out;
                };
            }
            case "Precompiled" -> UnigramTokenizer::nmtNfkc;
            case "NFKC" -> text -> Normalizer.normalize(text, Normalizer.Form.NFKC);
            case "NFC" -> text -> Normalizer.normalize(text, Normalizer.Form.NFC);
            case "NFKD" -> text -> Normalizer.normalize(text, Normalizer.Form.NFKD);
            case "NFD" -> text -> Normalizer.normalize(text, Normalizer.Form.NFD);
            case "Lowercase" -> text -> text.toLowerCase(Locale.ROOT);
            case "Strip" -> {
                boolean left = n.path("strip_left").asBoolean(true);
                boolean right = n.path("strip_right").asBoolean(true);
                yield text -> left && right ? text.strip() : left ? text.stripLeading() : right ? text.stripTrailing()
                        : text;
            }
            case "Replace" -> {
                String content = n.path("content").asText();
                JsonNode pattern = n.path("pattern");
                if (pattern.has("Regex")) {
                    Pattern regex = Pattern.compile(pattern.path("Regex").asText());
                    String replacement = java.util.regex.Matcher.quoteReplacement(content);
                    yield text -> regex.matcher(text).replaceAll(replacement);
                }
                String literal = pattern.path("String").asText();
                yield text -> literal.isEmpty() ? text : text.replace(literal, content);
            }
            default -> throw new IllegalArgumentException("tokenizer normalizer " + type + " is not supported");
        };
    }

    /**
     * SentencePiece's default normalisation (nmt_nfkc) as far as Unicode gives it: NFKC, control and format
     * characters dropped, every space character a plain space.
     */
    static String nmtNfkc(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\n' || cp == '\r' || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.getType(cp) != Character.CONTROL && Character.getType(cp) != Character.FORMAT) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static PreTokenizer preTokenizer(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return parts -> parts;
        }
        String type = n.path("type").asText();
        return switch (type) {
            case "Sequence" -> {
                List<PreTokenizer> steps = new ArrayList<>();
                n.path("pretokenizers").forEach(step -> steps.add(preTokenizer(step)));
                yield parts -> {
                    List<String> out = parts;
                    for (PreTokenizer step : steps) {
                        out = step.split(out);
                    }
                    return out;
                };
            }
            case "WhitespaceSplit" -> parts -> {
                List<String> out = new ArrayList<>();
                for (String part : parts) {
                    for (String word : part.split("\\s+")) {
                        if (!word.isEmpty()) {
                            out.add(word);
                        }
                    }
                }
                return out;
            };
            case "Metaspace" -> {
                String replacement = n.path("replacement").asText("\u2581");
                String scheme = n.has("prepend_scheme") ? n.path("prepend_scheme").asText("always")
                        : n.path("add_prefix_space").asBoolean(true) ? "always" : "never";
                boolean split = n.path("split").asBoolean(true);
                yield parts -> {
                    List<String> out = new ArrayList<>();
                    for (int p = 0; p < parts.size(); p++) {
                        String s = parts.get(p).replace(" ", replacement);
                        boolean prepend = scheme.equals("always") || (scheme.equals("first") && p == 0);
                        if (prepend && !s.startsWith(replacement)) {
                            s = replacement + s;
                        }
                        if (!split) {
                            out.add(s);
                            continue;
                        }
                        // Each replacement character starts a new word (Hugging Face's MergedWithNext).
                        int start = 0;
                        for (int i = s.indexOf(replacement, 1); i >= 0; i = s.indexOf(replacement, i + 1)) {
                            out.add(s.substring(start, i));
                            start = i;
                        }
                        if (start < s.length()) {
                            out.add(s.substring(start));
                        }
                    }
                    return out;
                };
            }
            default -> throw new IllegalArgumentException("tokenizer pre_tokenizer " + type + " is not supported");
        };
    }

    /** The ids before and after a single sequence, from the post-processor. */
    private static int[][] specials(JsonNode n, Map<String, Integer> ids) {
        if (n.isMissingNode() || n.isNull()) {
            return new int[][] {new int[0], new int[0]};
        }
        String type = n.path("type").asText();
        switch (type) {
            case "RobertaProcessing", "BertProcessing" -> {
                return new int[][] {{n.path("cls").path(1).asInt()}, {n.path("sep").path(1).asInt()}};
            }
            case "TemplateProcessing" -> {
                List<Integer> before = new ArrayList<>();
                List<Integer> after = new ArrayList<>();
                boolean seenSequence = false;
                for (JsonNode item : n.path("single")) {
                    if (item.has("Sequence")) {
                        seenSequence = true;
                        continue;
                    }
                    String token = item.path("SpecialToken").path("id").asText();
                    JsonNode special = n.path("special_tokens").path(token);
                    List<Integer> target = seenSequence ? after : before;
                    if (special.path("ids").isArray() && !special.path("ids").isEmpty()) {
                        special.path("ids").forEach(id -> target.add(id.asInt()));
                    } else if (ids.containsKey(token)) {
                        target.add(ids.get(token));
                    } else {
                        throw new IllegalArgumentException("tokenizer post_processor names special token " + token
                                + ", which has no id");
                    }
                }
                return new int[][] {before.stream().mapToInt(Integer::intValue).toArray(),
                        after.stream().mapToInt(Integer::intValue).toArray()};
            }
            default -> throw new IllegalArgumentException("tokenizer post_processor " + type + " is not supported");
        }
    }

    @Override
    public int[] encode(String text, int maxTokens) {
        int room = maxTokens - prefix.length - suffix.length;
        if (room < 0) {
            throw new IllegalArgumentException("maxTokens is " + maxTokens + ", at least "
                    + (prefix.length + suffix.length) + " are needed");
        }
        List<Integer> body = new ArrayList<>();
        for (String word : preTokenizer.split(List.of(normaliser.apply(text)))) {
            if (body.size() >= room) {
                break;
            }
            segment(word, body);
        }
        int n = Math.min(body.size(), room);
        int[] out = new int[prefix.length + n + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        for (int i = 0; i < n; i++) {
            out[prefix.length + i] = body.get(i);
        }
        System.arraycopy(suffix, 0, out, prefix.length + n, suffix.length);
        return out;
    }

    /** Appends the most probable segmentation of one word; runs of uncovered characters become one unknown token. */
    private void segment(String word, List<Integer> out) {
        int length = word.length();
        double[] best = new double[length + 1];
        int[] from = new int[length + 1];
        int[] piece = new int[length + 1];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int start = 0; start < length; start++) {
            if (best[start] == Double.NEGATIVE_INFINITY || Character.isLowSurrogate(word.charAt(start))) {
                continue;
            }
            int firstChar = Character.charCount(word.codePointAt(start));
            boolean single = false;
            for (int end = start + 1; end <= Math.min(length, start + maxPieceChars); end++) {
                if (end < length && Character.isLowSurrogate(word.charAt(end))) {
                    continue;
                }
                Integer id = ids.get(word.substring(start, end));
                if (id == null) {
                    continue;
                }
                single |= end - start == firstChar;
                double score = best[start] + scores[id];
                if (score > best[end]) {
                    best[end] = score;
                    from[end] = start;
                    piece[end] = id;
                }
            }
            if (!single) {
                int end = start + firstChar;
                double score = best[start] + unkScore;
                if (score > best[end]) {
                    best[end] = score;
                    from[end] = start;
                    piece[end] = unkId;
                }
            }
        }
        List<Integer> reversed = new ArrayList<>();
        for (int end = length; end > 0; end = from[end]) {
            reversed.add(piece[end]);
        }
        int previous = -1;
        for (int i = reversed.size() - 1; i >= 0; i--) {
            int id = reversed.get(i);
            if (id == unkId && previous == unkId) {
                continue;
            }
            out.add(id);
            previous = id;
        }
    }

    @Override
    public int padId() {
        return padId;
    }

    @Override
    public int vocabularySize() {
        return pieceOf.length;
    }

    @Override
    public List<String> pieces(String text) {
        int[] encoded = encode(text, Integer.MAX_VALUE);
        List<String> out = new ArrayList<>();
        for (int i = prefix.length; i < encoded.length - suffix.length; i++) {
            out.add(pieceOf[encoded[i]]);
        }
        return out;
    }
}
