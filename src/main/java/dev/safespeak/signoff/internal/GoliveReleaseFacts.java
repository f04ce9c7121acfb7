package dev.safespeak.signoff.internal;

import dev.safespeak.base.BusinessException;
import dev.safespeak.base.ErrorCode;
import dev.safespeak.golive.ItemView;
import dev.safespeak.golive.ReleaseService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads releases and their required items from the go-live board. Items that the sign-off module itself records
 * (the checklist's Sign-Off Authorities phase and the "Go/no-go decision meeting held" item) are left out: the
 * chain and the go/no-go record are their truth, and counting them would make every sign-off wait for itself
 * (decision 020).
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
                .filter(i -> ReleaseFacts.countsForSignOff(i.phase(), i.text(), i.requiredBeforeApproval()))
                .map(ItemView::label)
                .toList();
    }
}
