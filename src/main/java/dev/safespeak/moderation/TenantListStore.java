package dev.safespeak.moderation;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.RateLimitedLog;
import dev.safespeak.base.ErrorCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import dev.safespeak.moderation.ListMatch.ListKind;
import dev.safespeak.moderation.internal.TenantListTerm;
import dev.safespeak.moderation.internal.TenantListTermRepository;
import java.text.Normalizer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The database-backed {@link TenantListService}: the API and the console add, remove and list terms (audited
 * through {@link TenantListChanged}); the engine reads {@link #entries(String)} on every request, which is served
 * from a cache that each change on this instance clears and that expires after a few seconds, so changes made on
 * other instances arrive too. The same list instance is returned while cached, so the engine can reuse what it
 * compiled from it. {@link #entries(String)} opens no transaction of its own: while cached it touches no database
 * connection at all, and the repository query it makes otherwise runs in the repository's own read-only transaction.
 * While the database is unavailable a tenant's lists are served as last loaded, however old; a tenant whose lists
 * this instance never loaded cannot be scored correctly and gets {@link dev.safespeak.base.DatabaseUnavailableException}.
 */
@Service
public class TenantListStore implements TenantListService {

    /** Longest term, in characters. */
    public static final int MAX_TERM_CHARS = 200;
    /** Most terms per tenant and list. */
    public static final int MAX_TERMS_PER_LIST = 10_000;
    private static final long CACHE_NANOS = 5_000_000_000L;
    /** API clients and the trust-and-safety roles of the test console. */
    private static final java.util.Set<String> EDITORS = java.util.Set.of("ROLE_API_CLIENT", "ROLE_ADMIN",
            "ROLE_QA_LEAD", "ROLE_CUSTOMER_SUCCESS_LEAD", "ROLE_DEV_LEAD", "ROLE_PRODUCT_MANAGEMENT");

    private final TenantListTermRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final DatabaseStatus database;
    private final RateLimitedLog quiet = RateLimitedLog.of(org.slf4j.LoggerFactory.getLogger(TenantListStore.class));

    TenantListStore(TenantListTermRepository repository, ApplicationEventPublisher events, Clock clock,
            DatabaseStatus database) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.database = database;
    }

    /** Every block- and allowlist term of a tenant, for matching; empty for a null tenant. */
    @Override
    public List<ListEntry> entries(String tenant) {
        if (tenant == null) {
            return List.of();
        }
        Cached cached = cache.get(tenant);
        long now = System.nanoTime();
        if (cached != null && now - cached.loadedAtNanos < CACHE_NANOS) {
            return cached.entries;
        }
        if (cached != null && !database.available()) {
            return cached.entries;
        }
        List<ListEntry> entries;
        try {
            entries = repository.findByTenantOrderByIdAsc(tenant).stream()
                    .map(TenantListTerm::toEntry)
                    .map(e -> new ListEntry(e.tenant(), e.kind(), e.term(), e.attribute())).toList();
        } catch (RuntimeException e) {
            if (!DatabaseStatus.isUnavailability(e)) {
                throw e;
            }
            database.reportFailure(e);
            if (cached != null) {
                quiet.warn("stale", "Serving block and allow lists as last loaded: the database is unavailable");
                return cached.entries;
            }
            throw database.unavailable("the block and allow lists of tenant '" + tenant + "' are not loaded yet");
        }
        cache.put(tenant, new Cached(entries, now));
        return entries;
    }

    /** The terms of one list of a tenant, oldest first. */
    @Transactional(readOnly = true)
    public List<TenantListEntry> list(String tenant, ListKind kind) {
        requireEditor();
        requireTenant(tenant);
        return repository.findByTenantAndKindOrderByIdAsc(tenant, kind.name()).stream()
                .map(TenantListTerm::toEntry).toList();
    }

    /**
     * Adds a term. A blocklist term names the attribute it forces (TOXICITY when null); an allowlist term
     * applies to every attribute. Adding a term the list already holds (after normalisation) is a conflict.
     */
    @Transactional
    public TenantListEntry add(String tenant, ListKind kind, String term, Attribute attribute, String actor) {
        requireEditor();
        requireTenant(tenant);
        if (kind == null) {
            throw new IllegalArgumentException("list kind is missing: use BLOCK or ALLOW");
        }
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("term is empty");
        }
        String clean = term.strip();
        if (clean.length() > MAX_TERM_CHARS) {
            throw new IllegalArgumentException("term has " + clean.length() + " characters, at most "
                    + MAX_TERM_CHARS + " are allowed");
        }
        String key = normalise(clean);
        if (repository.existsByTenantAndKindAndTermKey(tenant, kind.name(), key)) {
            throw BusinessException.conflict("'" + clean + "' is already on the " + listName(kind));
        }
        if (repository.countByTenantAndKind(tenant, kind.name()) >= MAX_TERMS_PER_LIST) {
            throw new IllegalArgumentException("the " + listName(kind) + " already has " + MAX_TERMS_PER_LIST
                    + " terms, the most allowed");
        }
        Attribute forced = kind == ListKind.BLOCK ? (attribute == null ? Attribute.TOXICITY : attribute) : null;
        TenantListTerm saved = repository.save(new TenantListTerm(tenant, kind.name(), clean, key,
                forced == null ? null : forced.name(), actor, clock.instant()));
        cache.remove(tenant);
        TenantListEntry entry = saved.toEntry();
        events.publishEvent(TenantListChanged.added(actor, clock.instant(), entry));
        return entry;
    }

    /** Removes a term by id; an id of another tenant or another list is not found. */
    @Transactional
    public void remove(String tenant, ListKind kind, long id, String actor) {
        requireEditor();
        requireTenant(tenant);
        TenantListTerm term = repository.findById(id)
                .filter(t -> t.tenant().equals(tenant) && t.kind().equals(kind.name()))
                .orElseThrow(() -> BusinessException.notFound("the " + listName(kind) + " has no term with id " + id));
        TenantListEntry entry = term.toEntry();
        repository.delete(term);
        cache.remove(tenant);
        events.publishEvent(TenantListChanged.removed(actor, clock.instant(), entry));
    }

    /**
     * The key a term is compared by: Unicode NFKC, lower case, single spaces. The engine matches with its own,
     * stronger normaliser; this one only stops obvious duplicates.
     */
    static String normalise(String term) {
        return Normalizer.normalize(term, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }

    /** API clients (for their own tenant) and trust-and-safety staff may read and change lists. */
    private static void requireEditor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new BusinessException(ErrorCode.UNAUTHENTICATED, "You are not signed in");
        }
        if (auth.getAuthorities().stream().noneMatch(a -> EDITORS.contains(a.getAuthority()))) {
            throw BusinessException.forbidden("Only trust-and-safety staff may manage block and allow lists");
        }
    }

    private static void requireTenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("tenant is empty");
        }
    }

    private static String listName(ListKind kind) {
        return kind == ListKind.BLOCK ? "blocklist" : "allowlist";
    }

    private record Cached(List<ListEntry> entries, long loadedAtNanos) {
    }
}
