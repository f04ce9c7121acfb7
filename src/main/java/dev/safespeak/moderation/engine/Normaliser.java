package dev.safespeak.moderation.engine;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Undoes common obfuscation (compatibility forms, case, homoglyphs, leetspeak, stretched letters,
 * spaced or dotted letters, invisible characters) and tokenises with ICU, keeping for every token
 * the character range of the original text it came from.
 *
 * <p>Every transformation works on a buffer whose characters each remember their source range in
 * the original, so explanations can point at what the user actually wrote. Instances are immutable
 * and thread-safe.
 */
public final class Normaliser {

    /** Language code used before language detection has run. */
    public static final String UNDETERMINED = "und";

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private static final ThreadLocal<BreakIterator> WORDS =
            ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));

    /**
     * Analyses a text with the undetermined language.
     *
     * @throws IllegalArgumentException if text is null
     */
    public AnalysedText analyse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text is null");
        }
        Buffer buffer = foldAndStrip(text);
        buffer = deobfuscateChunks(buffer);
        List<Token> tokens = tokenise(buffer);
        tokens = joinSpacedLetters(tokens, text);
        return new AnalysedText(text, buffer.text(), List.copyOf(tokens), UNDETERMINED);
    }

    /** Normalises a single term (blocklist or allowlist entry) the same way texts are normalised. */
    public String normaliseTerm(String term) {
        Objects.requireNonNull(term, "term");
        StringBuilder joined = new StringBuilder();
        for (Token token : analyse(term).tokens()) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(token.normalised());
        }
        return joined.toString();
    }

    /**
     * A normalised character buffer with each character's source range {@code [begin, end)} in the original, kept
     * in int arrays rather than an int[] per character (the allocation was a good part of the normaliser's time).
     */
    private static final class Buffer {
        final StringBuilder chars;
        private int[] begins;
        private int[] ends;

        Buffer(int capacity) {
            int initial = Math.max(16, capacity);
            chars = new StringBuilder(initial);
            begins = new int[initial];
            ends = new int[initial];
        }

        void add(char c, int begin, int end) {
            int at = chars.length();
            if (at == begins.length) {
                begins = Arrays.copyOf(begins, at * 2);
                ends = Arrays.copyOf(ends, at * 2);
            }
            chars.append(c);
            begins[at] = begin;
            ends[at] = end;
        }

        int begin(int i) {
            return begins[i];
        }

        int end(int i) {
            return ends[i];
        }

        String text() {
            return chars.toString();
        }

        int length() {
            return chars.length();
        }
    }

    private static Buffer foldAndStrip(String text) {
        Buffer out = new Buffer(text.length());
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x80) {
                // ASCII fast path: NFKC leaves it alone and case folding is a plain lower-casing.
                out.add((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp), i, next);
            } else {
                foldNonAscii(cp, i, next, out);
            }
            i = next;
        }
        return out;
    }

    private static void foldNonAscii(int cp, int i, int next, Buffer out) {
        if (NFKC_CASEFOLD.isInert(cp) && !isInvisible(cp)) {
            if (Character.isBmpCodePoint(cp)) {
                out.add((char) cp, i, next);
            } else {
                out.add(Character.highSurrogate(cp), i, next);
                out.add(Character.lowSurrogate(cp), i, next);
            }
        } else if (!isInvisible(cp)) {
            String folded = NFKC_CASEFOLD.normalize(new String(Character.toChars(cp)));
            for (int k = 0; k < folded.length(); k++) {
                char c = folded.charAt(k);
                if (isInvisible(c)) {
                    continue;
                }
                out.add(c, i, next);
            }
        }
    }

    private static boolean isInvisible(int cp) {
        return cp == 0x00AD
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2064)
                || cp == 0xFEFF
                || cp == 0x034F
                || cp == 0x180E
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                        && cp != 0x200C && cp != 0x200D && !Character.isWhitespace(cp)
                        && cp > 0x2000;
    }

    /** Splits the buffer at whitespace and de-obfuscates each chunk on its own. */
    private static Buffer deobfuscateChunks(Buffer in) {
        int n = in.length();
        Buffer out = new Buffer(n);
        int i = 0;
        while (i < n) {
            char c = in.chars.charAt(i);
            if (Character.isWhitespace(c)) {
                out.add(' ', in.begin(i), in.end(i));
                i++;
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(in.chars.charAt(end))) {
                end++;
            }
            deobfuscateChunk(in, i, end, out);
            i = end;
        }
        return out;
    }

    private static void deobfuscateChunk(Buffer in, int from, int to, Buffer out) {
        char[] chunk = new char[to - from];
        in.chars.getChars(from, to, chunk, 0);
        int latin = 0;
        int letters = 0;
        int leet = 0;
        for (char c : chunk) {
            if (Character.isLetter(c)) {
                letters++;
                if (UScript.getScript(c) == UScript.LATIN) {
                    latin++;
                }
            } else if (leetLetter(c) != 0) {
                leet++;
            }
        }
        // Homoglyphs: Cyrillic or Greek look-alikes only count as obfuscation inside a Latin word.
        if (latin > 0) {
            for (int k = 0; k < chunk.length; k++) {
                char mapped = homoglyph(chunk[k]);
                if (mapped != 0) {
                    chunk[k] = mapped;
                }
            }
        }
        // Leetspeak: digits and symbols become letters only inside a word that already has letters,
        // and never as the leading character of a mention or hashtag.
        if (letters >= 1 && leet >= 1 && !hasOtherDigits(chunk) && isLatinOrLeet(chunk)) {
            int firstLetter = indexOfLetter(chunk);
            int lastLetter = lastIndexOfLetter(chunk);
            for (int k = 0; k < chunk.length; k++) {
                char mapped = leetLetter(chunk[k]);
                if (mapped == 0) {
                    continue;
                }
                boolean insideWord = (k > 0 && isWordish(chunk[k - 1])) || (k + 1 < chunk.length && isWordish(chunk[k + 1]));
                boolean withinLetters = k > firstLetter && k < lastLetter;
                boolean leadingSymbol = k == 0 && (chunk[k] == '@' || chunk[k] == '#');
                if (!leadingSymbol && (withinLetters || (insideWord && Character.isDigit(chunk[k]))
                        || (insideWord && k < firstLetter && chunk[k] == '$'))) {
                    chunk[k] = mapped;
                }
            }
        }
        // Stretched letters: a run of three or more identical letters becomes one letter.
        int k = 0;
        while (k < chunk.length) {
            char c = chunk[k];
            int run = k + 1;
            while (run < chunk.length && chunk[run] == c) {
                run++;
            }
            boolean collapse = run - k >= 3 && Character.isLetter(c);
            if (collapse) {
                out.add(c, in.begin(from + k), in.end(from + run - 1));
            } else {
                for (int m = k; m < run; m++) {
                    out.add(c, in.begin(from + m), in.end(from + m));
                }
            }
            k = run;
        }
    }

    private static boolean isWordish(char c) {
        return Character.isLetter(c) || leetLetter(c) != 0;
    }

    private static boolean hasOtherDigits(char[] chunk) {
        for (char c : chunk) {
            if (Character.isDigit(c) && leetLetter(c) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatinOrLeet(char[] chunk) {
        for (char c : chunk) {
            if (Character.isLetter(c) && UScript.getScript(c) != UScript.LATIN) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfLetter(char[] chunk) {
        for (int k = 0; k < chunk.length; k++) {
            if (Character.isLetter(chunk[k])) {
                return k;
            }
        }
        return -1;
    }

    private static int lastIndexOfLetter(char[] chunk) {
        for (int k = chunk.length - 1; k >= 0; k--) {
            if (Character.isLetter(chunk[k])) {
                return k;
            }
        }
        return -1;
    }

    /** The letter a leetspeak digit or symbol stands for, or 0. */
    static char leetLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            default -> 0;
        };
    }

    /** The Latin letter a Cyrillic or Greek look-alike (already case-folded) imitates, or 0. */
    static char homoglyph(char c) {
        return switch (c) {
            case 'а', 'α' -> 'a';
            case 'в', 'β' -> 'b';
            case 'с', 'ϲ' -> 'c';
            case 'е', 'ε', 'ё' -> 'e';
            case 'һ', 'н' -> 'h';
            case 'і', 'ι', 'ї' -> 'i';
            case 'ј' -> 'j';
            case 'к', 'κ' -> 'k';
            case 'м' -> 'm';
            case 'п', 'η' -> 'n';
            case 'о', 'ο', 'σ' -> 'o';
            case 'р', 'ρ' -> 'p';
            case 'ԛ' -> 'q';
            case 'г' -> 'r';
            case 'ѕ' -> 's';
            case 'т', 'τ' -> 't';
            case 'υ' -> 'u';
            case 'ν' -> 'v';
            case 'ш', 'ω' -> 'w';
            case 'х', 'χ' -> 'x';
            case 'у', 'γ' -> 'y';
            default -> 0;
        };
    }

    private static List<Token> tokenise(Buffer buffer) {
        String text = buffer.text();
        List<Token> tokens = new ArrayList<>();
        if (text.isEmpty()) {
            return tokens;
        }
        BreakIterator words = WORDS.get();
        words.setText(text);
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() == BreakIterator.WORD_NONE && !isSymbolToken(text, start, end)) {
                continue;
            }
            String form = text.substring(start, end);
            if (form.indexOf('.') >= 0 && isDottedLetters(form)) {
                form = form.replace(".", "");
            }
            int begin = buffer.begin(start);
            int stop = buffer.end(end - 1);
            tokens.add(new Token(form, begin, stop));
        }
        return tokens;
    }

    /** Emoji and other symbols carry meaning; plain punctuation and spaces do not. */
    private static boolean isSymbolToken(String text, int start, int end) {
        int cp = text.codePointAt(start);
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL && end - start <= 2;
    }

    private static boolean isDottedLetters(String form) {
        String[] parts = form.split("\\.", -1);
        if (parts.length < 3) {
            return false;
        }
        for (String part : parts) {
            if (part.codePointCount(0, part.length()) > 1) {
                return false;
            }
        }
        return true;
    }

    /** Joins three or more single-letter tokens separated only by spaces or punctuation (f u c k, f-u-c-k). */
    private static List<Token> joinSpacedLetters(List<Token> tokens, String original) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && isSingleLetter(tokens.get(j))
                    && (j == i || onlySeparatorsBetween(original, tokens.get(j - 1).end(), tokens.get(j).begin()))) {
                j++;
            }
            if (j - i >= 3) {
                StringBuilder form = new StringBuilder();
                for (int k = i; k < j; k++) {
                    form.append(tokens.get(k).normalised());
                }
                out.add(new Token(form.toString(), tokens.get(i).begin(), tokens.get(j - 1).end()));
                i = j;
            } else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return out;
    }

    private static boolean isSingleLetter(Token token) {
        String form = token.normalised();
        return form.codePointCount(0, form.length()) == 1 && Character.isLetter(form.codePointAt(0))
                && UScript.getScript(form.codePointAt(0)) == UScript.LATIN;
    }

    private static boolean onlySeparatorsBetween(String original, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = original.charAt(k);
            if (!(c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || isInvisible(c))) {
                return false;
            }
        }
        return true;
    }
}
