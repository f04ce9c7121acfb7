package dev.safespeak.signoff.internal;

import java.util.List;
import java.util.Optional;

/** What the sign-off rules need to know about a release from the go-live module. */
public interface ReleaseFacts {

    /** The release's display name, or empty when no such release exists. */
    Optional<String> releaseName(long releaseId);

    /** The texts of the release's required items that are not done (open, in progress or blocked). */
    List<String> requiredOpenItems(long releaseId);
}
