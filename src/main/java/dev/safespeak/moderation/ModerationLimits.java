package dev.safespeak.moderation;

/** The hard input limits of the engine, shared by the API, the console and the offline scorer. */
public final class ModerationLimits {
    /** Most texts in one request. */
    public static final int MAX_BATCH_ITEMS = 100;
    /** Largest text, in bytes of UTF-8 (20 KB). */
    public static final int MAX_TEXT_BYTES = 20 * 1024;

    private ModerationLimits() {
    }
}
