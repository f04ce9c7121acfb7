package dev.safespeak.golive;

import java.time.Instant;

/**
 * A piece of evidence about an item contributed by another module, shown in the item detail.
 *
 * @param source who contributed it, for example "Readiness check"
 * @param passing true when it supports the item, false when it speaks against it, null when unknown
 * @param checkedAt when it was last determined; may be null
 */
public record ItemEvidence(String source, String label, Boolean passing, String detail, Instant checkedAt) {
}
