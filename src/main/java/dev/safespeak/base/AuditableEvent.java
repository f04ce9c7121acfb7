package dev.safespeak.base;

import java.time.Instant;

/**
 * An event that belongs in the audit trail. Every module's events that record a change implement it,
 * so the audit module listens to this one type and depends on no other module.
 */
public interface AuditableEvent {

    /** Who did it: a username, or {@code system:<component>} for automated acts. */
    String actor();

    /** When it happened. */
    Instant occurredAt();

    /** What was done, as a short dotted verb such as {@code item.status-changed}. */
    String action();

    /** What it was done to, for example {@code release:3/item:41}. */
    String subject();

    /** The state before, as short text; empty when there was none. */
    String before();

    /** The state after, as short text; empty when there is none. */
    String after();
}
