package dev.safespeak.apikey;

import java.util.Set;

/** The caller of an API request, as identified by a valid API key, with what the key may do. */
public record ApiKeyPrincipal(long keyId, String name, String tenant, String prefix, int ratePerSecond,
        long dailyTexts, Set<ApiKeyScope> scopes) {

    public ApiKeyPrincipal {
        scopes = Set.copyOf(scopes);
    }

    public boolean may(ApiKeyScope scope) {
        return scopes.contains(scope);
    }
}
