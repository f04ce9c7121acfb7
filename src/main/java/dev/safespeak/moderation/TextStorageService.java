package dev.safespeak.moderation;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.moderation.internal.ScoreFeedbackRepository;
import dev.safespeak.moderation.internal.StoredText;
import dev.safespeak.moderation.internal.StoredTextRepository;
import dev.safespeak.moderation.internal.TextCipher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opt-in storage of scored texts for review. Nothing is stored unless a caller asks (doNotStore=false);
 * what is stored is AES-GCM encrypted with the key from {@code SAFESPEAK_STORAGE_KEY} and deleted by a scheduled
 * purge when its retention period ends. Without a key, storing is refused.
 */
@Service
public class TextStorageService {

    static final String PURPOSE = "stored_text";
    /** The message of the refusal when no storage key is configured. */
    public static final String NO_KEY_MESSAGE = "storing texts was requested (doNotStore=false) but this server has no"
            + " storage key configured (SAFESPEAK_STORAGE_KEY); send doNotStore=true or ask the operator to set the key";
    private static final Logger log = LoggerFactory.getLogger(TextStorageService.class);

    private final StoredTextRepository texts;
    private final ScoreFeedbackRepository feedback;
    private final StorageProperties properties;
    private final Clock clock;
    private final TextCipher cipher;
    private final TransactionTemplate transaction;

    TextStorageService(StoredTextRepository texts, ScoreFeedbackRepository feedback, StorageProperties properties,
            Clock clock, PlatformTransactionManager transactions) {
        this.texts = texts;
        this.feedback = feedback;
        this.properties = properties;
        this.clock = clock;
        this.cipher = properties.storageEnabled() ? new TextCipher(properties.keyBytes()) : null;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Whether a storage key is configured, so texts can be stored. */
    public boolean enabled() {
        return cipher != null;
    }

    /** How long stored texts are kept. */
    public Duration retention() {
        return Duration.ofDays(properties.retentionDays());
    }

    /**
     * Stores each text of a request with its scores until the retention period ends. Throws a
     * {@link BusinessException} (invalid) when no storage key is configured.
     */
    @Transactional
    public Instant store(String requestId, String tenant, List<String> inputs, ModerationResult result) {
        TextCipher c = requireCipher();
        Instant now = clock.instant();
        Instant expires = now.plus(retention());
        for (int i = 0; i < inputs.size(); i++) {
            TextScore score = i < result.results().size() ? result.results().get(i) : null;
            String language = score == null ? "und" : score.language().code();
            String scores = score == null ? "" : score.scores().entrySet().stream()
                    .map(e -> e.getKey().name() + "=" + String.format(Locale.ROOT, "%.4f", e.getValue()))
                    .collect(Collectors.joining(","));
            texts.save(new StoredText(requestId, tenant, i, c.encrypt(inputs.get(i), PURPOSE), language, scores,
                    result.modelVersion() == null ? "" : result.modelVersion(), now, expires));
        }
        return expires;
    }

    /** The decrypted texts stored under a request id for a tenant, in request order; empty when none. */
    @Transactional(readOnly = true)
    public List<String> texts(String requestId, String tenant) {
        List<StoredText> stored = texts.findByRequestIdAndTenantOrderByItemIndexAsc(requestId, tenant);
        if (stored.isEmpty()) {
            return List.of();
        }
        TextCipher c = requireCipher();
        return stored.stream().map(s -> c.decrypt(s.textCipher(), PURPOSE)).toList();
    }

    /** Deletes stored texts and feedback whose retention period has ended; returns how many rows went. */
    @Transactional
    public int purgeExpired() {
        Instant now = clock.instant();
        int deleted = texts.deleteExpired(now) + feedback.deleteExpired(now);
        if (deleted > 0) {
            log.info("Purged {} stored texts and feedback entries past their retention period", deleted);
        }
        return deleted;
    }

    @Scheduled(fixedDelayString = "${safespeak.storage.purge-interval:PT10M}",
            initialDelayString = "${safespeak.storage.purge-interval:PT10M}")
    @SchedulerLock(name = "storage-purge",
            lockAtLeastFor = "${safespeak.storage.purge-lock:${safespeak.storage.purge-interval:PT10M}}",
            lockAtMostFor = "${safespeak.storage.purge-lock:${safespeak.storage.purge-interval:PT10M}}")
    void scheduledPurge() {
        // A call on this object does not pass the transactional proxy, so the purge opens its transaction itself;
        // without one every run failed with TransactionRequiredException and nothing was ever deleted.
        try {
            transaction.executeWithoutResult(status -> purgeExpired());
        } catch (RuntimeException e) {
            log.warn("Purge of expired stored texts and feedback failed: {}", e.getMessage());
        }
    }

    TextCipher requireCipher() {
        return requireCipher(NO_KEY_MESSAGE);
    }

    /** The cipher, or a refusal with {@code refusal} as its message when no storage key is configured. */
    TextCipher requireCipher(String refusal) {
        if (cipher == null) {
            throw new BusinessException(ErrorCode.INVALID, refusal);
        }
        return cipher;
    }
}
