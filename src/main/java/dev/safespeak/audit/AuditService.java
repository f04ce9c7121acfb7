package dev.safespeak.audit;

import dev.safespeak.audit.internal.AuditStore;
import dev.safespeak.audit.internal.AuditVerifier;
import dev.safespeak.base.AuditableEvent;
import dev.safespeak.base.BusinessException;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Role;
import dev.safespeak.security.Roles;
import dev.safespeak.security.ServiceAuthorization;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hash-chained audit trail: appends every auditable event (linked with an HMAC under a key kept outside the
 * database), searches the trail for the people allowed to read it, and verifies the chain and its checkpoints.
 */
@Service
@HandleAuthorizationDenied(handlerClass = ServiceAuthorization.class)
public class AuditService {

    /** The roles that may read the audit trail and export release reports (decision 021), as named below. */
    public static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.LEGAL_COMPLIANCE, Role.EXECUTIVE_LEADERSHIP,
            Role.CTO, Role.CPO, Role.CEO);

    /** Most entries one search returns. */
    public static final int MAX_RESULTS = 2000;

    private final AuditStore store;
    private final AuditVerifier verifier;
    private final Clock clock;

    AuditService(AuditStore store, AuditVerifier verifier, Clock clock) {
        this.store = store;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * Appends the event at the chain's tip, once: the same event handed over again (a publication re-submitted
     * after a crash) returns the entry it already has. Serialized across threads and instances by the chain-head
     * lock.
     */
    @Transactional
    public AuditEntry append(AuditableEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("event is missing");
        }
        return store.append(event.actor(), event.occurredAt() == null ? clock.instant() : event.occurredAt(),
                clock.instant(), event.action(), event.subject(), event.before(), event.after(), eventKey(event));
    }

    /**
     * The event's identity for exactly-once appends: SHA-256 over its type and every audited field, the time at
     * full precision. Spring Modulith does not hand the publication's id to the listener, but the event
     * re-submitted from the publication registry is equal to the one first delivered. Null when the event has no
     * time of its own, so two such events are never taken for one.
     */
    static String eventKey(AuditableEvent event) {
        if (event.occurredAt() == null) {
            return null;
        }
        StringBuilder canonical = new StringBuilder(event.getClass().getName()).append('\n');
        for (String field : new String[] {event.actor(), event.occurredAt().toString(), event.action(),
                event.subject(), event.before(), event.after()}) {
            String value = field == null ? "" : field;
            canonical.append(value.length()).append(':').append(value).append('\n');
        }
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Entries matching the filter, newest first, at most {@code limit} (1 to {@value #MAX_RESULTS}). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.LEGAL_COMPLIANCE + "', '" + Roles.EXECUTIVE_LEADERSHIP
            + "', '" + Roles.CTO + "', '" + Roles.CPO + "', '" + Roles.CEO + "')")
    public List<AuditEntry> search(AuditFilter filter, int limit) {
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit is " + limit + ", it must be between 1 and " + MAX_RESULTS);
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw new IllegalArgumentException("the time range is empty: 'from' must be before 'to'");
        }
        return store.search(filter, limit, true);
    }

    /** A release's entries in chain order, for its report. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('" + Roles.ADMIN + "', '" + Roles.LEGAL_COMPLIANCE + "', '" + Roles.EXECUTIVE_LEADERSHIP
            + "', '" + Roles.CTO + "', '" + Roles.CPO + "', '" + Roles.CEO + "')")
    public List<AuditEntry> trailOf(long releaseId) {
        return store.search(AuditFilter.release(releaseId), Integer.MAX_VALUE, false);
    }

    /**
     * Checks every entry's link (its HMAC, or the plain hash of entries written before keyed links) from the first
     * to the chain's tip, and the configured checkpoint file against it. Needs no signed-in user, so readiness
     * checks can run it on a schedule.
     */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        return verifier.verify();
    }

    /** As {@link #verify()}, against the given checkpoint file (one shipped elsewhere and brought back). */
    @Transactional(readOnly = true)
    public AuditVerification verify(Path checkpointFile) {
        if (checkpointFile == null) {
            throw new IllegalArgumentException("checkpoint file is missing");
        }
        return verifier.verify(Optional.of(checkpointFile));
    }

    /** Whether the signed-in user may read the audit trail. */
    public boolean mayRead() {
        return CurrentUser.get().map(u -> READERS.stream().anyMatch(u::has)).orElse(false);
    }
}
