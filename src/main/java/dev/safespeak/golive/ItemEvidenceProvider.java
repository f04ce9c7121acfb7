package dev.safespeak.golive;

import java.util.List;

/**
 * Extension point through which other modules (the evidence module) show what they know about an
 * item in its detail view, without golive depending on them. Any number of Spring beans may implement it.
 */
public interface ItemEvidenceProvider {

    /** Evidence about {@code item}; empty when the provider knows nothing about it. Must not throw. */
    List<ItemEvidence> evidenceFor(ItemView item);
}
