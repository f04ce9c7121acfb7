package dev.safespeak.moderation;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** A term was added to or removed from a tenant's block- or allowlist. */
public record TenantListChanged(
        String actor,
        Instant occurredAt,
        String action,
        String subject,
        String before,
        String after) implements AuditableEvent {

    static TenantListChanged added(String actor, Instant at, TenantListEntry entry) {
        return new TenantListChanged(actor, at, "tenant-list.term-added", subject(entry), "", describe(entry));
    }

    static TenantListChanged removed(String actor, Instant at, TenantListEntry entry) {
        return new TenantListChanged(actor, at, "tenant-list.term-removed", subject(entry), describe(entry), "");
    }

    private static String subject(TenantListEntry entry) {
        return "tenant:" + entry.tenant() + "/" + entry.kind().name().toLowerCase(java.util.Locale.ROOT) + "list";
    }

    private static String describe(TenantListEntry entry) {
        return entry.attribute() == null ? entry.term() : entry.term() + " -> " + entry.attribute();
    }
}
