package dev.safespeak.signoff;

import java.util.Optional;

/**
 * The state of one slot of the chain: its status and the record that put it there (empty when pending), plus the
 * most recent invalidated sign-off so the page can show "invalidated" until somebody signs again.
 */
public record SlotState(SignOffSlot slot, SlotStatus status, Optional<SignOffRecord> current,
                        Optional<SignOffRecord> lastInvalidated) {
}
