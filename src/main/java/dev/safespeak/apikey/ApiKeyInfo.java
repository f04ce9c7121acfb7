package dev.safespeak.apikey;

import java.time.Instant;

/** What may be shown about an API key: everything but the secret. */
public record ApiKeyInfo(
        long id,
        String name,
        String tenant,
        String prefix,
        int ratePerSecond,
        long dailyTexts,
        String createdBy,
        Instant createdAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
