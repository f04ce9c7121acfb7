package dev.safespeak.signoff.internal;

import java.util.List;
import java.util.Optional;

/** What the sign-off rules need to know about a release from the go-live module. */
public interface ReleaseFacts {

    /** The release's display name, or empty when no such release exists. */
    Optional<String> releaseName(long releaseId);

    /**
     * The labels ("Section / text") of the release's items required before approval that are not done (open, in
     * progress or blocked); the go-live module's {@code ApprovalRequirement} decides which items are required.
     */
    List<String> requiredOpenItems(long releaseId);
}
