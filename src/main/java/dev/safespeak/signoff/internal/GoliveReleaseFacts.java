package dev.safespeak.signoff.internal;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads releases and their required items from the go-live board. Which items are required is the board's
 * {@code ApprovalRequirement}: the items the sign-off chain and the go/no-go record satisfy are not, so no
 * sign-off waits for itself (decision 020).
 */
@Component
class GoliveReleaseFacts implements ReleaseFacts {

    private final ReleaseService releases;

    GoliveReleaseFacts(ReleaseService releases) {
        this.releases = releases;
    }

    @Override
    public Optional<String> releaseName(long releaseId) {
        try {
            var release = releases.release(releaseId);
            return Optional.of(release.name() + " " + release.version());
        } catch (BusinessException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> requiredOpenItems(long releaseId) {
        return releases.requiredOpenItems(releaseId).stream()
                .map(ItemView::label)
                .toList();
    }
}
