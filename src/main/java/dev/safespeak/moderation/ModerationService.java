package dev.safespeak.moderation;

import org.springframework.stereotype.Service;

/**
 * Scores texts with the active model. Validates its input: an empty text, a text over
 * {@value ModerationLimits#MAX_TEXT_BYTES} bytes, more than {@value ModerationLimits#MAX_BATCH_ITEMS}
 * texts or an unsupported language hint throw {@link IllegalArgumentException} naming the problem.
 */
@Service
public class ModerationService {

    /** Scores every text of the request. */
    public ModerationResult moderate(ModerationRequest request) {
        throw new IllegalStateException("the moderation engine is not built yet");
    }
}
