package dev.safespeak.moderation;

import dev.safespeak.base.BusinessException;
import dev.safespeak.moderation.internal.ScoreFeedback;
import dev.safespeak.moderation.internal.ScoreFeedbackRepository;
import dev.safespeak.moderation.internal.StoredTextRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the scores callers think are right, for review and for building evaluation sets. A feedback text is
 * encrypted like a stored text, so sending one needs the storage key; feedback by request id must name a request
 * whose texts this tenant stored (doNotStore=false), so a made-up id is refused (404).
 */
@Service
public class FeedbackService {

    /** The refusal of feedback that carries a text when no storage key is configured (the text is kept encrypted). */
    static final String FEEDBACK_NO_KEY_MESSAGE = "the feedback's text cannot be kept: this server has no storage key"
            + " configured (SAFESPEAK_STORAGE_KEY) to encrypt it; ask the operator to set it";

    private final ScoreFeedbackRepository repository;
    private final StoredTextRepository storedTexts;
    private final TextStorageService storage;
    private final StorageProperties properties;
    private final Clock clock;

    FeedbackService(ScoreFeedbackRepository repository, StoredTextRepository storedTexts, TextStorageService storage,
            StorageProperties properties, Clock clock) {
        this.repository = repository;
        this.storedTexts = storedTexts;
        this.storage = storage;
        this.properties = properties;
        this.clock = clock;
    }

    /** Validates and stores several feedback entries all or none (one per attribute of one suggestion). */
    @Transactional
    public List<Long> submitAll(List<Feedback> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new IllegalArgumentException("no feedback to store");
        }
        return entries.stream().map(this::submit).toList();
    }

    /** Validates and stores one feedback entry; returns its id. */
    @Transactional
    public long submit(Feedback feedback) {
        if (feedback.tenant() == null || feedback.tenant().isBlank()) {
            throw new IllegalArgumentException("tenant is empty");
        }
        boolean hasText = feedback.text() != null;
        boolean hasRequest = feedback.requestId() != null && !feedback.requestId().isBlank();
        if (hasText == hasRequest) {
            throw new IllegalArgumentException("send either text or requestId, exactly one of them");
        }
        if (hasText && feedback.text().isBlank()) {
            throw new IllegalArgumentException("text is empty");
        }
        if (hasText && feedback.text().getBytes(StandardCharsets.UTF_8).length > ModerationLimits.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("text has " + feedback.text().getBytes(StandardCharsets.UTF_8).length
                    + " bytes, at most " + ModerationLimits.MAX_TEXT_BYTES + " are allowed");
        }
        if (hasRequest && feedback.requestId().length() > 64) {
            throw new IllegalArgumentException("requestId is longer than 64 characters");
        }
        if (feedback.attribute() == null) {
            throw new IllegalArgumentException("attribute is missing");
        }
        if (Double.isNaN(feedback.suggestedScore()) || feedback.suggestedScore() < 0 || feedback.suggestedScore() > 1) {
            throw new IllegalArgumentException("score must be between 0 and 1");
        }
        if (feedback.comment() != null && feedback.comment().length() > 1000) {
            throw new IllegalArgumentException("comment has " + feedback.comment().length()
                    + " characters, at most 1000 are allowed");
        }
        if (hasRequest && !storedTexts.existsByRequestIdAndTenant(feedback.requestId(), feedback.tenant())) {
            throw BusinessException.notFound("there is no stored request '" + feedback.requestId() + "' for this "
                    + "tenant: refer to a request scored with doNotStore=false (before its retention ends), or send "
                    + "the text");
        }
        String cipherText = hasText
                ? storage.requireCipher(FEEDBACK_NO_KEY_MESSAGE).encrypt(feedback.text(), "score_feedback") : null;
        Instant now = clock.instant();
        ScoreFeedback saved = repository.save(new ScoreFeedback(feedback.tenant(),
                hasRequest ? feedback.requestId() : null, cipherText, feedback.attribute().name(),
                feedback.suggestedScore(), feedback.language(), feedback.comment(), now,
                now.plus(Duration.ofDays(properties.feedbackRetentionDays()))));
        return saved.id();
    }

    /** How many feedback entries a tenant has. */
    @Transactional(readOnly = true)
    public int count(String tenant) {
        List<ScoreFeedback> all = repository.findByTenantOrderByIdDesc(tenant);
        return all.size();
    }
}
