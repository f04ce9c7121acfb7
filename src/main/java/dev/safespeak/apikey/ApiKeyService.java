package dev.safespeak.apikey;

import dev.safespeak.apikey.internal.ApiKeyEntity;
import dev.safespeak.apikey.internal.ApiKeyRepository;
import dev.safespeak.base.BusinessException;
import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.RateLimitedLog;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.security.CurrentUser;
import dev.safespeak.security.Roles;
import dev.safespeak.security.ServiceAuthorization;
import dev.safespeak.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks API keys. A secret is {@code ssk_} plus 32 random bytes in base64url; only
 * its SHA-256 is stored (with 256 bits of entropy, a slow password hash would add nothing: see
 * docs/decisions/051-api-key-hashing.md). Checks are served from memory: a key is read from the database the first
 * time it is seen, and a background task re-reads the revoked keys every half {@code safespeak.apikey.key-cache-ttl},
 * so requests do not wait for the database. A cached key is trusted only while a check of it (its own lookup or a
 * refresh) started within the last TTL; otherwise, for example while the refresh fails, the request looks the key up
 * itself. So a revoke on this instance takes effect at once, on other instances within the TTL (1 second by default).
 * <p>
 * While the database is unavailable a key is served from memory as it was last seen: a key that was valid keeps
 * working for {@code safespeak.apikey.outage-grace} (1 hour) after its last successful check, a key seen revoked
 * stays revoked, and a key this instance has not seen answers 503 (it can be neither accepted nor refused).
 */
@Service
@HandleAuthorizationDenied(handlerClass = ServiceAuthorization.class)
public class ApiKeyService {

    /** What every secret starts with, so leaked keys are easy to find in code and logs. */
    public static final String SECRET_PREFIX = "ssk_";
    private static final int PREFIX_CHARS = SECRET_PREFIX.length() + 8;
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int MAX_CACHED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    /** MessageDigest is not thread-safe and getInstance() looks up the provider each time: one per thread. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private final ApiKeyRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApiKeyProperties properties;
    private final RateLimiter limiter;
    private final DatabaseStatus database;
    private final RateLimitedLog quiet = RateLimitedLog.of(log);
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CachedKey> cache = new ConcurrentHashMap<>();
    /**
     * Hashes of secrets that matched no key, with when they were looked up, so a client retrying with a wrong key
     * costs no query per request. Safe because a new key's secret is random: nobody can have sent it before.
     */
    private final Map<String, Long> unknown = new ConcurrentHashMap<>();
    /** Keys revoked on this instance: refused at once, whatever a concurrent lookup put in the cache. */
    private final Set<Long> revokedHere = ConcurrentHashMap.newKeySet();
    /** When the last successful refresh of revocations started (System.nanoTime); MIN_VALUE before the first. */
    private volatile long refreshStartedNanos = Long.MIN_VALUE;
    private final ScheduledExecutorService refresher;

    ApiKeyService(ApiKeyRepository repository, ApplicationEventPublisher events, Clock clock,
            ApiKeyProperties properties, RateLimiter limiter) {
        this(repository, events, clock, properties, limiter, DatabaseStatus.ALWAYS_AVAILABLE);
    }

    @org.springframework.beans.factory.annotation.Autowired
    ApiKeyService(ApiKeyRepository repository, ApplicationEventPublisher events, Clock clock,
            ApiKeyProperties properties, RateLimiter limiter, DatabaseStatus database) {
        this.database = database;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.limiter = limiter;
        long periodMillis = properties.keyCacheTtl().toMillis() / 2;
        if (periodMillis > 0) {
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "api-key-revocations");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(this::refreshQuietly, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        } else {
            refresher = null;
        }
    }

    @PreDestroy
    void stopRefresher() {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /**
     * Creates a key (admins only). Null rate or quota take the configured defaults; a null tenant is "default".
     * The returned secret is shown once and cannot be recovered.
     */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public NewApiKey create(String name, String tenant, Integer ratePerSecond, Long dailyTexts) {
        return create(name, tenant, ratePerSecond, dailyTexts, ApiKeyScope.DEFAULT);
    }

    /** Creates a key with the given scopes (admins only); see {@link #create(String, String, Integer, Long)}. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public NewApiKey create(String name, String tenant, Integer ratePerSecond, Long dailyTexts,
            Set<ApiKeyScope> scopes) {
        CurrentUser admin = CurrentUser.require();
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one scope");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is empty");
        }
        if (name.strip().length() > 100) {
            throw new IllegalArgumentException("name is longer than 100 characters");
        }
        String t = tenant == null || tenant.isBlank() ? "default" : tenant.strip();
        if (!TENANT.matcher(t).matches()) {
            throw new IllegalArgumentException("tenant must be 1 to 100 letters, digits, '.', '_' or '-', starting "
                    + "with a letter or digit");
        }
        int rate = ratePerSecond == null ? properties.defaultRatePerSecond() : ratePerSecond;
        long daily = dailyTexts == null ? properties.defaultDailyTexts() : dailyTexts;
        if (rate < 1 || rate > 1_000_000) {
            throw new IllegalArgumentException("rate must be between 1 and 1000000 requests per second");
        }
        if (daily < 1) {
            throw new IllegalArgumentException("daily quota must be at least 1 text");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKeyEntity saved = repository.save(new ApiKeyEntity(name.strip(), t, secret.substring(0, PREFIX_CHARS),
                hash(secret), rate, daily, admin.username(), clock.instant(), scopes));
        ApiKeyInfo info = saved.toInfo();
        events.publishEvent(ApiKeyCreated.of(admin.username(), clock.instant(), info));
        return new NewApiKey(secret, info);
    }

    /** Every key, newest first (admins only). */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public List<ApiKeyInfo> list() {
        return repository.findAllByOrderByIdDesc().stream().map(ApiKeyEntity::toInfo).toList();
    }

    /** Revokes a key (admins only); it stops working on this instance at once. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public ApiKeyInfo revoke(long id) {
        CurrentUser admin = CurrentUser.require();
        ApiKeyEntity key = repository.findById(id)
                .orElseThrow(() -> BusinessException.notFound("there is no API key with id " + id));
        if (key.revoked()) {
            throw BusinessException.conflict("API key " + key.toInfo().prefix() + "... is already revoked");
        }
        key.revoke(admin.username(), clock.instant());
        revokedHere.add(id);
        cache.replaceAll((hash, cached) -> cached.principal != null && cached.principal.keyId() == id
                ? new CachedKey(null, cached.checkedAtNanos) : cached);
        limiter.forget(id);
        ApiKeyInfo info = key.toInfo();
        events.publishEvent(ApiKeyRevoked.of(admin.username(), clock.instant(), info));
        return info;
    }

    /**
     * The caller a secret identifies; a {@link BusinessException} with code unauthenticated when the secret is
     * missing, unknown or revoked. The message for a missing key names the two headers.
     */
    public ApiKeyPrincipal authenticate(String secret) {
        return authenticate(secret, false);
    }

    /**
     * As {@link #authenticate(String)}; {@code queryParameter} says the endpoint also takes the key as query
     * parameter {@code key} (the Perspective drop-in), so the message for a missing key names it too.
     */
    public ApiKeyPrincipal authenticate(String secret, boolean queryParameter) {
        if (secret == null || secret.isBlank()) {
            throw new BusinessException(ErrorCode.UNAUTHENTICATED, queryParameter
                    ? "API key is missing: send it as 'Authorization: Bearer <key>', as header 'X-Api-Key' or as"
                            + " query parameter 'key'"
                    : "API key is missing: send it as 'Authorization: Bearer <key>' or as header 'X-Api-Key'");
        }
        if (secret.length() > 200) {
            throw unknownKey();
        }
        String hash = hash(secret.strip());
        long now = System.nanoTime();
        CachedKey cached = cache.get(hash);
        long ttl = properties.keyCacheTtl().toNanos();
        if (cached == null || now - Math.max(cached.checkedAtNanos, refreshStartedNanos) > ttl) {
            Long missedAt = unknown.get(hash);
            if (missedAt != null && now - missedAt <= ttl) {
                throw unknownKey();
            }
            if (!database.available()) {
                return fromMemory(cached, now);
            }
            ApiKeyEntity entity;
            try {
                entity = repository.findBySecretHash(hash).orElse(null);
            } catch (RuntimeException e) {
                if (!DatabaseStatus.isUnavailability(e)) {
                    throw e;
                }
                database.reportFailure(e);
                return fromMemory(cached, now);
            }
            if (entity == null) {
                if (unknown.size() > MAX_CACHED) {
                    unknown.clear();
                }
                unknown.put(hash, now);
                throw unknownKey();
            }
            if (cache.size() > MAX_CACHED) {
                cache.clear();
            }
            cached = new CachedKey(entity.revoked() ? null : entity.toPrincipal(), now);
            cache.put(hash, cached);
        }
        if (cached.principal == null || revokedHere.contains(cached.principal.keyId())) {
            throw new BusinessException(ErrorCode.UNAUTHENTICATED, "API key has been revoked");
        }
        return cached.principal;
    }

    /**
     * A key as last seen, while the database cannot be asked: valid for the outage grace after its last successful
     * check, revoked if it was seen revoked, unavailable (503) if never seen or confirmed too long ago.
     */
    private ApiKeyPrincipal fromMemory(CachedKey cached, long now) {
        if (cached == null) {
            throw database.unavailable("this API key cannot be checked");
        }
        if (cached.principal == null || revokedHere.contains(cached.principal.keyId())) {
            throw new BusinessException(ErrorCode.UNAUTHENTICATED, "API key has been revoked");
        }
        long confirmedNanos = Math.max(cached.checkedAtNanos, refreshStartedNanos);
        if (now - confirmedNanos > properties.outageGrace().toNanos()) {
            throw database.unavailable("this API key was last checked more than " + properties.outageGrace()
                    .toMinutes() + " minutes ago (safespeak.apikey.outage-grace) and cannot be checked again now");
        }
        return cached.principal;
    }

    /**
     * Marks every cached key that was revoked (on any instance) as revoked. Runs in the background every half
     * TTL while keys are cached; one query over the revoked keys, whatever the number of requests.
     */
    void refreshRevocations() {
        if (cache.isEmpty()) {
            refreshStartedNanos = System.nanoTime();
            return;
        }
        long started = System.nanoTime();
        Set<Long> revoked = new HashSet<>(repository.findRevokedIds());
        cache.replaceAll((hash, cached) -> cached.principal != null && revoked.contains(cached.principal.keyId())
                ? new CachedKey(null, cached.checkedAtNanos) : cached);
        refreshStartedNanos = started;
    }

    private void refreshQuietly() {
        if (!database.available()) {
            return;
        }
        try {
            refreshRevocations();
        } catch (RuntimeException e) {
            // Cached keys go stale after the TTL and requests then look them up themselves (and fail if the
            // database is down), so a failed refresh never lets a revoked key through for longer than the TTL.
            if (DatabaseStatus.isUnavailability(e)) {
                database.reportFailure(e);
                quiet.warn("refresh", "Could not refresh the revoked API keys, serving them as last seen: {}", e);
            } else {
                log.warn("Could not refresh the revoked API keys: {}", e.toString());
            }
        }
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(SHA256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static BusinessException unknownKey() {
        return new BusinessException(ErrorCode.UNAUTHENTICATED, "API key is not valid");
    }

    /** A key as last checked: principal null = revoked; checkedAtNanos = when its own lookup started. */
    private record CachedKey(ApiKeyPrincipal principal, long checkedAtNanos) {
    }
}
