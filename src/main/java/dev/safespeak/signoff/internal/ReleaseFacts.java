package dev.safespeak.signoff.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the sign-off rules need to know about a release from the go-live module. */
public interface ReleaseFacts {

    /** The release's display name, or empty when no such release exists. */
    Optional<String> releaseName(long releaseId);

    /**
     * Whether an item is a prerequisite of the technical and business sign-offs and a change to it invalidates
     * them: items of sections required before approval, except those the sign-off module records itself (the
     * Sign-Off Authorities phase and the go/no-go meeting item), decision 020.
     */
    static boolean countsForSignOff(String phase, String itemText, boolean requiredBeforeApproval) {
        if (!requiredBeforeApproval) {
            return false;
        }
        String p = phase == null ? "" : phase.strip().toLowerCase(Locale.ROOT);
        String t = itemText == null ? "" : itemText.strip().toLowerCase(Locale.ROOT);
        return !p.startsWith("sign-off") && !t.startsWith("go/no-go decision");
    }

    /** The labels ("Section / text") of the release's required items that are not done (open, in progress or blocked). */
    List<String> requiredOpenItems(long releaseId);
}
