package dev.safespeak.moderation;

import java.time.Instant;

/**
 * One term of a tenant's block- or allowlist.
 *
 * @param attribute the attribute a blocklist term forces; null on allowlist terms, which apply to every attribute
 */
public record TenantListEntry(
        long id,
        String tenant,
        ListMatch.ListKind kind,
        String term,
        Attribute attribute,
        String createdBy,
        Instant createdAt) {
}
