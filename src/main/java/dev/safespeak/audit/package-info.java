/**
 * The audit trail: every {@link dev.safespeak.base.AuditableEvent} any module publishes is appended to a
 * hash-chained log (actor, time, action, subject, before, after), which can be verified to find the first
 * tampered entry, searched in the audit view, and exported per release with the checklist, sign-offs and
 * decision as a Markdown or JSON report. Nothing depends on this module.
 */
package dev.safespeak.audit;
