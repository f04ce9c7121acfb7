package dev.safespeak.moderation.engine;

import dev.safespeak.moderation.Attribute;
import dev.safespeak.moderation.ListEntry;
import dev.safespeak.moderation.ListMatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A tenant's block and allow lists compiled into token sequences by the engine's own normaliser, so a
 * term matches however the text spells it (leetspeak, homoglyphs, spacing) as long as the normaliser
 * undoes it. Immutable; compile once per request.
 */
public final class TenantLists {

    public static final TenantLists EMPTY = new TenantLists(Map.of());

    /** A compiled term: its entry and its normalised tokens. */
    private record Phrase(ListEntry entry, List<String> tokens) {
    }

    /** One place a term matched: the entry and the token index range {@code [from, to)}. */
    public record Hit(ListEntry entry, int from, int to) {
    }

    /** Phrases by their first token, so matching looks at each text token once. */
    private final Map<String, List<Phrase>> byFirstToken;

    private TenantLists(Map<String, List<Phrase>> byFirstToken) {
        this.byFirstToken = byFirstToken;
    }

    /** Compiles entries with the same analyser the engine applies to texts. */
    public static TenantLists compile(List<ListEntry> entries, Function<String, AnalysedText> analyser) {
        if (entries == null || entries.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<Phrase>> byFirst = new HashMap<>();
        for (ListEntry entry : entries) {
            List<String> tokens = analyser.apply(entry.term()).tokens().stream().map(Token::normalised).toList();
            if (!tokens.isEmpty()) {
                byFirst.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(new Phrase(entry, tokens));
            }
        }
        return new TenantLists(byFirst);
    }

    public boolean isEmpty() {
        return byFirstToken.isEmpty();
    }

    /** Every place a term occurs in the text's tokens, in text order. */
    public List<Hit> find(List<Token> tokens) {
        if (byFirstToken.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            List<Phrase> candidates = byFirstToken.get(tokens.get(i).normalised());
            if (candidates == null) {
                continue;
            }
            for (Phrase phrase : candidates) {
                if (matchesAt(tokens, i, phrase.tokens())) {
                    hits.add(new Hit(phrase.entry(), i, i + phrase.tokens().size()));
                }
            }
        }
        return hits;
    }

    private static boolean matchesAt(List<Token> tokens, int at, List<String> phrase) {
        if (at + phrase.size() > tokens.size()) {
            return false;
        }
        for (int k = 1; k < phrase.size(); k++) {
            if (!tokens.get(at + k).normalised().equals(phrase.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** The list match of a hit, with its character range in the original text. */
    static ListMatch toMatch(Hit hit, List<Token> tokens) {
        ListEntry e = hit.entry();
        Attribute attribute = e.attribute();
        return new ListMatch(e.kind(), e.term(), attribute, tokens.get(hit.from()).begin(),
                tokens.get(hit.to() - 1).end());
    }
}
