package dev.safespeak.evidence.internal;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The API keys the probe and the checks call the API with. A key configured in
 * {@code safespeak.evidence.probe.api-key} ({@code SAFESPEAK_PROBE_API_KEY}) wins; otherwise none is available
 * and the probe and the HTTP checks report that they are not configured.
 */
@Component
public class EvidenceKeys {

    private final EvidenceProperties properties;

    public EvidenceKeys(EvidenceProperties properties) {
        this.properties = properties;
    }

    /** The dedicated key of the synthetic probe. */
    public Optional<String> probeKey() {
        String configured = properties.probe().apiKey();
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(configured);
    }

    /** A key with a low rate limit for the burst check, with the limit it has in requests per second. */
    public Optional<LimitedKey> burstKey() {
        return Optional.empty();
    }

    /** A key and its rate limit in requests per second. */
    public record LimitedKey(String secret, int requestsPerSecond) {
    }
}
