package dev.safespeak.apikey;

import java.time.Instant;
import java.util.Set;

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
        Instant revokedAt,
        Set<ApiKeyScope> scopes) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
