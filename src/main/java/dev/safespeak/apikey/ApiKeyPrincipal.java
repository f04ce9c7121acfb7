package dev.safespeak.apikey;

/** The caller of an API request, as identified by a valid API key. */
public record ApiKeyPrincipal(long keyId, String name, String tenant, String prefix, int ratePerSecond,
        long dailyTexts) {
}
