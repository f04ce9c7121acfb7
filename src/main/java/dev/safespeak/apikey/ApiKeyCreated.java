package dev.safespeak.apikey;

import dev.safespeak.base.AuditableEvent;
import java.time.Instant;

/** An admin created an API key. */
public record ApiKeyCreated(String actor, Instant occurredAt, String action, String subject, String before,
        String after) implements AuditableEvent {

    static ApiKeyCreated of(String actor, Instant at, ApiKeyInfo key) {
        return new ApiKeyCreated(actor, at, "api-key.created", "api-key:" + key.id(), "",
                "name=" + key.name() + ", tenant=" + key.tenant() + ", prefix=" + key.prefix() + ", rate="
                        + key.ratePerSecond() + "/s, daily=" + key.dailyTexts() + " texts, scopes="
                        + ApiKeyScope.format(key.scopes()));
    }
}
