package dev.safespeak.signoff;

import dev.safespeak.golive.ItemChangeKind;
import dev.safespeak.golive.ItemChanged;
import dev.safespeak.golive.ItemStatusChanged;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Invalidates sign-offs when a required item changes after they were given (decision 020): any status change,
 * and a change of owner, note or evidence, or a regression found by a readiness check. Comments and a cleared
 * regression change nothing a signer vouched for.
 */
@Component
class ItemChangeListener {

    /** The kinds of {@link ItemChanged} that invalidate sign-offs. */
    static final Set<ItemChangeKind> INVALIDATING = EnumSet.of(ItemChangeKind.OWNER, ItemChangeKind.NOTE,
            ItemChangeKind.EVIDENCE, ItemChangeKind.REGRESSED);

    private final SignOffService signOffs;

    ItemChangeListener(SignOffService signOffs) {
        this.signOffs = signOffs;
    }

    @ApplicationModuleListener
    void on(ItemStatusChanged event) {
        if (event.requiredBeforeApproval()) {
            signOffs.invalidateAfterItemChange(event.releaseId(), event.actor(), "Required item \""
                    + event.section() + " / " + event.itemText() + "\" changed from " + event.from().label()
                    + " to " + event.to().label() + " by " + event.actor(), event.occurredAt());
        }
    }

    @ApplicationModuleListener
    void on(ItemChanged event) {
        if (INVALIDATING.contains(event.kind())
                && event.requiredBeforeApproval()) {
            signOffs.invalidateAfterItemChange(event.releaseId(), event.actor(), "Required item \""
                    + event.section() + " / " + event.itemText() + "\" changed (" + event.action() + ") by "
                    + event.actor(), event.occurredAt());
        }
    }
}
