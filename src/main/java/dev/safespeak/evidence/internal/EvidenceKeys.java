package dev.safespeak.evidence.internal;

import dev.safespeak.apikey.ApiKeyInfo;
import dev.safespeak.apikey.ApiKeyService;
import dev.safespeak.apikey.NewApiKey;
import dev.safespeak.security.Role;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The API keys the probe and the checks call the API with. A key configured in
 * {@code safespeak.evidence.probe.api-key} ({@code SAFESPEAK_PROBE_API_KEY}) is used as the probe key; otherwise
 * the module creates its own through the API key service on first use: a probe key with a high rate limit and a
 * burst key limited to {@value #BURST_RATE} requests per second for the rate-limit check. Their secrets live in
 * memory only; at first use the keys of the same name left by an earlier run of this host are revoked.
 */
@Component
public class EvidenceKeys {

    /** Rate limit of the burst key, in requests per second. */
    public static final int BURST_RATE = 5;
    /** Actor recorded when the module creates or revokes its keys. */
    public static final String ACTOR = "system:evidence";

    private static final Logger log = LoggerFactory.getLogger(EvidenceKeys.class);

    /** A key and its rate limit in requests per second. */
    public record LimitedKey(String secret, int requestsPerSecond) {
    }

    private final EvidenceProperties properties;
    private final ApiKeyService apiKeys;
    private final String host;
    private volatile String probeSecret;
    private volatile LimitedKey burst;
    private boolean cleaned;

    public EvidenceKeys(EvidenceProperties properties, ApiKeyService apiKeys) {
        this.properties = properties;
        this.apiKeys = apiKeys;
        String h;
        try {
            h = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            h = "host";
        }
        this.host = h;
    }

    /** The dedicated key of the synthetic probe and the HTTP checks. */
    public Optional<String> probeKey() {
        String configured = properties.probe().apiKey();
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        if (probeSecret == null) {
            synchronized (this) {
                if (probeSecret == null) {
                    probeSecret = create("evidence-probe@" + host, 100_000, 1_000_000_000L).orElse(null);
                }
            }
        }
        return Optional.ofNullable(probeSecret);
    }

    /** A key with a low rate limit for the burst check, with its limit. */
    public Optional<LimitedKey> burstKey() {
        if (burst == null) {
            synchronized (this) {
                if (burst == null) {
                    burst = create("evidence-burst@" + host, BURST_RATE, 1_000_000_000L)
                            .map(s -> new LimitedKey(s, BURST_RATE)).orElse(null);
                }
            }
        }
        return Optional.ofNullable(burst);
    }

    private Optional<String> create(String name, int rate, long daily) {
        try {
            return Optional.of(asSystemAdmin(() -> {
                revokeEarlier(name);
                NewApiKey key = apiKeys.create(name, "evidence", rate, daily);
                return key.secret();
            }));
        } catch (RuntimeException e) {
            log.warn("Cannot create the evidence API key {}: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    private void revokeEarlier(String name) {
        List<ApiKeyInfo> earlier = apiKeys.list().stream().filter(k -> k.name().equals(name) && !k.revoked()).toList();
        for (ApiKeyInfo k : earlier) {
            apiKeys.revoke(k.id());
        }
    }

    /** Runs {@code work} as the module's system actor holding ADMIN, which the key service requires. */
    static <T> T asSystemAdmin(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        system.setAuthentication(new UsernamePasswordAuthenticationToken(ACTOR, "n/a",
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(system);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
