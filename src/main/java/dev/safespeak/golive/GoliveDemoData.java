package dev.safespeak.golive;

import dev.safespeak.security.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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

    /** The demo release's items by key (decision 011) and the state each is put in. */
    static final List<DemoState> DEMO_STATES = List.of(
            new DemoState("cloud-environment", ItemStatus.DONE, null),
            new DemoState("kubernetes-cluster", ItemStatus.DONE, null),
            new DemoState("database-provisioning", ItemStatus.IN_PROGRESS, null),
            new DemoState("cdn-configuration", ItemStatus.BLOCKED, "CDN vendor contract not signed yet"),
            new DemoState("tls-certificates", ItemStatus.DONE, null),
            new DemoState("service-mesh", ItemStatus.NOT_APPLICABLE, "single service, no mesh needed"),
            new DemoState("api-endpoint-validation", ItemStatus.IN_PROGRESS, null),
            new DemoState("data-processing-agreements", ItemStatus.DONE, null));

    record DemoState(String key, ItemStatus status, String reason) {
    }

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
        DEMO_STATES.forEach(state -> set(id, state.key(), state.status(), state.reason()));
        log.info("Demo: created release '{}' (id {}) going live on {}", DEMO_RELEASE, id, release.goLiveDate());
    }

    /** Sets the status of the item keyed {@code key} (decision 011); a key the template lacks is logged, not fatal. */
    private void set(long releaseId, String key, ItemStatus status, String reason) {
        Optional<ItemView> found = service.findItemByKey(releaseId, key);
        if (found.isEmpty()) {
            log.warn("Demo: the checklist has no item keyed '{}'; left as it is", key);
        }
        found.ifPresent(item -> {
            Role owner = item.owner();
            var auth = new UsernamePasswordAuthenticationToken(owner.name().toLowerCase(Locale.ROOT), "n/a",
                    List.of(new SimpleGrantedAuthority(owner.authority())));
            SecurityContextHolder.getContext().setAuthentication(auth);
            try {
                releaseItems.changeStatus(item.id(), status, reason);
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }
}
