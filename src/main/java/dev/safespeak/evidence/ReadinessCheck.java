package dev.safespeak.evidence;

import java.util.Set;

/**
 * An automated check that produces evidence for one or more checklist items, which it is bound to by the
 * items' text in the template (for example "Database migrations executed").
 */
public interface ReadinessCheck {

    /** A short, stable, kebab-case name such as {@code api-probe}. */
    String name();

    /** The checklist item texts this check is evidence for, exactly as the template writes them. */
    Set<String> itemTexts();

    /** Runs the check once; expected failures are a failing result, not an exception. */
    CheckResult run();
}
