/**
 * Live evidence for the go-live board: Micrometer metrics of the API and the engine sampled into a history,
 * the seed's success criteria computed from them (availability from a synthetic probe, accuracy from an
 * evaluation run), automated readiness checks bound to checklist items, drift of live traffic against the
 * active model's evaluation baseline, rollback triggers, and the approval gate that refuses go-live while a
 * criterion fails and is not waived.
 */
package dev.safespeak.evidence;
