package dev.safespeak.golive;

import dev.safespeak.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One checklist item of a release as other modules and the board see it.
 *
 * @param key the item's stable key such as {@code load-test} (decision 011): what readiness checks, success
 *        criteria and default owners bind to; it stays when the wording of the item changes
 * @param requiredBeforeApproval stored when the release was created, {@link ApprovalRequirement#required()} of
 *        the item's phase, section and text
 * @param overdue not done or not applicable, and due before today
 * @param regressed an automated readiness check for it started failing after it was done
 */
public record ItemView(
        long id,
        long releaseId,
        String key,
        String phase,
        String section,
        String text,
        int position,
        Role owner,
        ItemStatus status,
        String reason,
        boolean requiredBeforeApproval,
        TimelineWindow window,
        LocalDate dueDate,
        boolean overdue,
        boolean regressed,
        String note,
        String evidenceLink,
        String evidenceSummary,
        String changedBy,
        Instant changedAt,
        int commentCount) {

    /** Why the item does or does not block the technical and business sign-offs. */
    public ApprovalRequirement requirement() {
        return ApprovalRequirement.of(phase, section, key);
    }

    /**
     * Why nobody sets the item's status by hand, for the items the sign-off chain and the go/no-go decision record
     * ({@link ApprovalRequirement#RECORDED_BY_SIGN_OFF}): their status follows the chain, so a tick on the board
     * cannot claim a sign-off nobody gave. Empty for every other item.
     */
    public Optional<String> statusFollows() {
        if (requirement() != ApprovalRequirement.RECORDED_BY_SIGN_OFF
                || !ApprovalRequirement.CHAIN_KEYS.contains(key)) {
            return Optional.empty();
        }
        return Optional.of(key != null && key.startsWith(ApprovalRequirement.GO_NO_GO_PREFIX)
                ? "Its status follows the go/no-go decision: the CTO, the CEO or an administrator records it on the"
                        + " executive page"
                : "Its status follows the sign-off chain: sign off on the executive page");
    }

    /** Done or not applicable. */
    public boolean closed() {
        return status.isClosed();
    }

    /** "Section / text", how the item is named in messages and exports. */
    public String label() {
        return section + " / " + text;
    }
}
