package dev.safespeak.signoff.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Stands in for the go-live module until its release service is wired: no release exists. */
@Component
class NoReleaseFacts implements ReleaseFacts {

    @Override
    public Optional<String> releaseName(long releaseId) {
        return Optional.empty();
    }

    @Override
    public List<String> requiredOpenItems(long releaseId) {
        return List.of();
    }
}
