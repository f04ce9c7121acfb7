package dev.safespeak.golive;

import java.util.List;

/**
 * Extension point through which another module (the evidence module) runs the automated checks bound to an item
 * from the item's detail, and marks the item done with their result as its evidence, without golive depending on
 * that module. The implementation enforces who may do what.
 */
public interface ItemCheckRunner {

    /** Names of the automated checks bound to the item; empty when none is. */
    List<String> checksFor(ItemView item);

    /**
     * The newest stored run of each check bound to the item, whoever started it (a person or the schedule); a check
     * that has never run is left out. The board reads it to warn before an item is marked done while a check fails.
     */
    List<ItemCheckOutcome> latestRuns(ItemView item);

    /** Whether the signed-in user may run the item's checks (the owning role or an admin). */
    boolean canRun(ItemView item);

    /**
     * Runs every check bound to the item on behalf of the signed-in user and stores each run as evidence on the
     * item, naming who triggered it and when.
     */
    List<ItemCheckOutcome> runChecks(long itemId);

    /**
     * Marks the item done with the newest passing runs of its checks attached as evidence; the owner only, and only
     * while the item's status is still {@code seen}, the status the user's page showed (else
     * {@link ItemChangedMeanwhile}, and nothing is attached).
     */
    ItemView markDoneWithEvidence(long itemId, ItemStatus seen);
}
