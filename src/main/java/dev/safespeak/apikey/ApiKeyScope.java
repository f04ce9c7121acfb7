package dev.safespeak.apikey;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API key may do. {@code score}: the scoring endpoints and reading its tenant's lists; {@code feedback}:
 * suggesting scores; {@code lists:write}: changing its tenant's block- and allowlist, which changes the scores every
 * key of that tenant gets. New keys get {@link #DEFAULT} unless asked otherwise.
 */
public enum ApiKeyScope {
    SCORE("score"),
    FEEDBACK("feedback"),
    LISTS_WRITE("lists:write");

    /** The scopes of a new key when none are given: everything but changing the tenant's lists. */
    public static final Set<ApiKeyScope> DEFAULT = Set.copyOf(EnumSet.of(SCORE, FEEDBACK));

    private final String code;

    ApiKeyScope(String code) {
        this.code = code;
    }

    /** The scope's name in the API, the CLI and the database: {@code score}, {@code feedback}, {@code lists:write}. */
    public String code() {
        return code;
    }

    /** The scope of a name; an {@link IllegalArgumentException} naming the known scopes otherwise. */
    public static ApiKeyScope of(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + code + "'; known scopes: "
                        + Arrays.stream(values()).map(ApiKeyScope::code).collect(Collectors.joining(", "))));
    }

    /** Scopes from a list separated by commas or spaces ({@code "score,lists:write"}); none is an error. */
    public static Set<ApiKeyScope> parse(String list) {
        Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
        for (String part : (list == null ? "" : list).split("[,\\s]+")) {
            if (!part.isBlank()) {
                scopes.add(of(part));
            }
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("no scope given; known scopes: " + Arrays.stream(values())
                    .map(ApiKeyScope::code).collect(Collectors.joining(", ")));
        }
        return Set.copyOf(scopes);
    }

    /** The scopes as stored: their names in declaration order, separated by spaces. */
    public static String format(Set<ApiKeyScope> scopes) {
        return Arrays.stream(values()).filter(scopes::contains).map(ApiKeyScope::code)
                .collect(Collectors.joining(" "));
    }
}
