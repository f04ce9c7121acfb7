package dev.safespeak.evidence;

import dev.safespeak.evidence.internal.ApiClient;
import dev.safespeak.evidence.internal.EvidenceKeys;
import dev.safespeak.evidence.internal.EvidenceProperties;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The demo traffic generator: only in the {@code demo} profile (which sets
 * {@code safespeak.evidence.demo.traffic-enabled=true} by default; {@code SAFESPEAK_DEMO_TRAFFIC=false} turns it off),
 * it calls the real API over HTTP a few times a second with short multilingual texts so a newcomer's board shows
 * live metrics. The evidence page labels it while it runs. Outside the demo profile it never runs.
 */
@Service
public class DemoTrafficService {

    private static final Logger log = LoggerFactory.getLogger(DemoTrafficService.class);

    /** Texts written for the demo, a few rude ones among them so flags and drift have something to show. */
    static final List<String> TEXTS = List.of(
            "Thanks for the quick reply, that solved it.",
            "I disagree with this decision, but I see the reasoning.",
            "You are an idiot and nobody wants you here.",
            "Great match yesterday, what a finish!",
            "Danke für die Hilfe, das hat funktioniert.",
            "Das ist doch völliger Unsinn, du Trottel.",
            "Merci pour votre réponse rapide.",
            "Gracias por la ayuda, todo funciona bien ahora.",
            "Shut up, this is the dumbest thing I have read today.",
            "Could you share the documentation link again?");

    private final ApiClient client;
    private final EvidenceKeys keys;
    private final EvidenceProperties properties;
    private final boolean enabled;

    public DemoTrafficService(ApiClient client, EvidenceKeys keys, EvidenceProperties properties,
                              Environment environment) {
        this.client = client;
        this.keys = keys;
        this.properties = properties;
        this.enabled = properties.demo().trafficEnabled() && environment.acceptsProfiles(Profiles.of("demo"));
        if (enabled) {
            log.warn("DEMO TRAFFIC GENERATOR is on: {} synthetic requests per second go to the API",
                    properties.demo().requestsPerSecond());
        }
    }

    /** Whether the generator runs, so the board can say that its metrics include synthetic traffic. */
    public boolean running() {
        return enabled;
    }

    @Scheduled(initialDelayString = "${safespeak.evidence.demo.initial-delay-seconds:20}", fixedRate = 1,
            timeUnit = TimeUnit.SECONDS)
    void tick() {
        if (!enabled || client.baseUrl().isEmpty()) {
            return;
        }
        Optional<String> key = keys.probeKey();
        if (key.isEmpty()) {
            return;
        }
        for (int i = 0; i < properties.demo().requestsPerSecond(); i++) {
            String text = TEXTS.get(ThreadLocalRandom.current().nextInt(TEXTS.size()));
            try {
                client.postJson("/v1/moderations", "{\"input\":\"" + text.replace("\"", "\\\"") + "\"}", key.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.debug("Demo request failed: {}", e.getMessage());
            }
        }
    }
}
