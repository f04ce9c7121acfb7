package dev.safespeak.evidence;

import java.util.Set;

/**
 * An automated check that produces evidence for one or more checklist items, which it is bound to by the
 * items' stable keys in the template (for example {@code database-migrations} for "Database migrations executed",
 * decision 011), so rewording an item does not unbind it.
 */
public interface ReadinessCheck {

    /** A short, stable, kebab-case name such as {@code api-probe}. */
    String name();

    /** The keys of the checklist items this check is evidence for, as the template writes them ({@code {#key}}). */
    Set<String> itemKeys();

    /** Runs the check once; expected failures are a failing result, not an exception. */
    CheckResult run();
}
