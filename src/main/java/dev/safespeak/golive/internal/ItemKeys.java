package dev.safespeak.golive.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Stable keys of checklist items (decision 011): lower-case kebab-case such as {@code load-test}, written after an
 * item as {@code {#load-test}}. Readiness checks, success criteria, default owners and demo data bind to an item by
 * its key, so the wording of an item can change without unbinding anything. An item written without a key gets one
 * derived once from its text ({@link #derive}) and keeps it.
 */
public final class ItemKeys {

    /** Longest key, in characters. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private ItemKeys() {
    }

    /** Whether {@code key} is lower-case letters and digits in groups joined by single hyphens, at most 64 long. */
    public static boolean isValid(String key) {
        return key != null && key.length() <= MAX_LENGTH && VALID.matcher(key).matches();
    }

    /** {@code key} when it is valid, else an {@link IllegalArgumentException} that says what a key looks like. */
    public static String require(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("malformed item key '" + key + "': use lower-case letters, digits "
                    + "and single hyphens, at most " + MAX_LENGTH + " characters, such as 'load-test'");
        }
        return key;
    }

    /**
     * A key derived from an item's text: accents dropped, lower case, every run of other characters one hyphen,
     * cut at a hyphen to at most 48 characters ("item" when nothing is left), then {@code -2}, {@code -3}, ... until
     * it is not in {@code taken}. The caller adds the result to {@code taken}.
     */
    public static String derive(String text, Set<String> taken) {
        String ascii = MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD))
                .replaceAll("");
        String slug = NOT_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > 48) {
            int cut = slug.lastIndexOf('-', 48);
            slug = trimHyphens(cut > 0 ? slug.substring(0, cut) : slug.substring(0, 48));
        }
        if (slug.isEmpty()) {
            slug = "item";
        }
        String key = slug;
        for (int n = 2; taken.contains(key); n++) {
            key = slug + "-" + n;
        }
        return key;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
