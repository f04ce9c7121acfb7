package dev.safespeak.apikey;

/** A key just created: the secret, which is shown this once and never again, and what is stored about it. */
public record NewApiKey(String secret, ApiKeyInfo info) {

    @Override
    public String toString() {
        return "NewApiKey[info=" + info + "]";
    }
}
