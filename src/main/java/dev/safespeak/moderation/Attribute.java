package dev.safespeak.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The attributes a text is scored for, named as existing moderation clients know them. */
public enum Attribute {
    TOXICITY,
    SEVERE_TOXICITY,
    IDENTITY_ATTACK,
    INSULT,
    PROFANITY,
    THREAT;

    /** Parses a name case-insensitively; an unknown name is {@code Optional.empty()}. */
    public static Optional<Attribute> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(wanted)).findFirst();
    }
}
