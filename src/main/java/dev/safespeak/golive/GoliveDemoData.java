package dev.safespeak.golive;

import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a sample release "SafeSpeak 1.0" from the shipped checklist, going live in two weeks,
 * with a few items done, in progress, blocked and not applicable, each changed by the demo user of its
 * owning role (username = lower-case role name), so a newcomer sees a board in motion.
 */
@Component
@Profile("demo")
class GoliveDemoData {

    static final String DEMO_RELEASE = "SafeSpeak 1.0";

    private static final Logger log = LoggerFactory.getLogger(GoliveDemoData.class);

    private final ReleaseService service;
    private final ChecklistTemplateService checklistTemplates;
    private final ReleaseItemService releaseItems;
    private final Clock clock;
    private final GoliveProperties properties;

    GoliveDemoData(ReleaseService service, ChecklistTemplateService checklistTemplates,
                   ReleaseItemService releaseItems, Clock clock, GoliveProperties properties) {
        this.service = service;
        this.checklistTemplates = checklistTemplates;
        this.releaseItems = releaseItems;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (service.releases().stream().anyMatch(r -> r.name().equals(DEMO_RELEASE))) {
            return;
        }
        ReleaseView release = service.createReleaseAsSystem(DEMO_RELEASE, "1.0.0",
                LocalDate.now(clock).plusDays(properties.demoGoLiveInDays()), checklistTemplates.defaultTemplate().id(),
                "system:demo");
        long id = release.id();
        set(id, "Cloud environment setup (Azure/AWS/GCP)", ItemStatus.DONE, null);
        set(id, "Kubernetes cluster configuration", ItemStatus.DONE, null);
        set(id, "Database provisioning and backup setup", ItemStatus.IN_PROGRESS, null);
        set(id, "CDN configuration for global distribution", ItemStatus.BLOCKED, "CDN vendor contract not signed yet");
        set(id, "SSL/TLS certificates installed and configured", ItemStatus.DONE, null);
        set(id, "Service mesh (Istio/Linkerd) for traffic management", ItemStatus.NOT_APPLICABLE,
                "single service, no mesh needed");
        set(id, "API endpoint availability and response validation", ItemStatus.IN_PROGRESS, null);
        set(id, "Data processing agreements in place", ItemStatus.DONE, null);
        log.info("Demo: created release '{}' (id {}) going live on {}", DEMO_RELEASE, id, release.goLiveDate());
    }

    private void set(long releaseId, String text, ItemStatus status, String reason) {
        service.findItemByText(releaseId, text).ifPresent(item -> {
            Role owner = item.owner();
            var auth = new UsernamePasswordAuthenticationToken(owner.name().toLowerCase(Locale.ROOT), "n/a",
                    java.util.List.of(new SimpleGrantedAuthority(owner.authority())));
            SecurityContextHolder.getContext().setAuthentication(auth);
            try {
                releaseItems.changeStatus(item.id(), status, reason);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }
}
