package dev.safespeak.apikey;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** An admin revoked an API key. */
public record ApiKeyRevoked(String actor, Instant occurredAt, String action, String subject, String before,
        String after) implements AuditableEvent {

    static ApiKeyRevoked of(String actor, Instant at, ApiKeyInfo key) {
        return new ApiKeyRevoked(actor, at, "api-key.revoked", "api-key:" + key.id(), "active (prefix "
                + key.prefix() + ")", "revoked");
    }
}
