package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import dev.safespeak.evidence.internal.ApiClient;
import dev.safespeak.evidence.internal.EvidenceKeys;
import dev.safespeak.evidence.internal.EvidenceProperties;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Sends a short burst with a test key whose rate limit is low and checks that the API starts answering 429 with
 * {@code Retry-After} and problem+json, and that requests within the limit were served.
 */
@Component
public class RateLimitCheck implements ReadinessCheck {

    private final ApiClient client;
    private final EvidenceKeys keys;
    private final EvidenceProperties properties;

    public RateLimitCheck(ApiClient client, EvidenceKeys keys, EvidenceProperties properties) {
        this.client = client;
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "rate-limit";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("rate-limiting");
    }

    @Override
    public CheckResult run() {
        Optional<EvidenceKeys.LimitedKey> key = keys.burstKey();
        if (key.isEmpty()) {
            return CheckResult.fail("no rate-limited test key is available (the API key module creates one)");
        }
        int burst = Math.max(properties.checks().rateLimitBurst(), key.get().requestsPerSecond() * 3);
        int ok = 0;
        int limited = 0;
        int other = 0;
        String retryAfter = null;
        boolean problemJson = false;
        for (int i = 0; i < burst; i++) {
            try {
                ApiClient.Response r = client.postJson("/v1/moderations", "{\"input\":\"burst " + i + "\"}",
                        key.get().secret());
                if (r.status() == 200) {
                    ok++;
                } else if (r.status() == 429) {
                    limited++;
                    retryAfter = retryAfter != null ? retryAfter : r.header("Retry-After").orElse(null);
                    problemJson |= r.header("Content-Type").orElse("").startsWith("application/problem+json");
                } else {
                    other++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CheckResult.fail("interrupted");
            } catch (Exception e) {
                other++;
            }
        }
        return judge(burst, key.get().requestsPerSecond(), ok, limited, other, retryAfter, problemJson);
    }

    static CheckResult judge(int burst, int limit, int ok, int limited, int other, String retryAfter,
                             boolean problemJson) {
        String details = burst + " requests against a key limited to " + limit + "/s: " + ok + " served, " + limited
                + " answered 429" + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")") + ", " + other
                + " other";
        if (limited == 0) {
            return CheckResult.fail(details + "; the limit was never enforced");
        }
        if (ok == 0) {
            return CheckResult.fail(details + "; not even requests within the limit were served");
        }
        if (retryAfter == null || !problemJson) {
            return CheckResult.fail(details + "; 429 answers lack Retry-After or problem+json");
        }
        if (other > 0) {
            return CheckResult.fail(details + "; unexpected answers");
        }
        return CheckResult.pass(details);
    }
}
