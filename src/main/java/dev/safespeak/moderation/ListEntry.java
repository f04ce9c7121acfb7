package dev.safespeak.moderation;

import java.util.Objects;

/**
 * One term of a tenant's block- or allowlist: a blocklist term forces its attribute, an allowlist term
 * must not raise any score (its attribute is then {@code null}, meaning every attribute).
 *
 * @param tenant    the tenant the list belongs to
 * @param kind      BLOCK or ALLOW
 * @param term      the word or phrase as an admin typed it; it is matched after the engine's normalisation
 * @param attribute for a blocklist term, the attribute it forces; for an allowlist term, the attribute it
 *                  must not raise, or {@code null} for all
 */
public record ListEntry(String tenant, ListMatch.ListKind kind, String term, Attribute attribute) {

    public ListEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("list term is empty");
        }
        if (kind == ListMatch.ListKind.BLOCK && attribute == null) {
            throw new IllegalArgumentException("a blocklist term needs an attribute");
        }
    }
}
