package dev.safespeak.golive;

import java.time.Instant;

/**
 * One of the signed-in user's items that the readiness checks found regressed since the user last opened it or
 * dismissed the notice.
 *
 * @param releaseName the release's name and version, such as "SafeSpeak 1.0"
 * @param reason what the checks recorded, such as "Readiness check 'load-test' failed at ...: p95 2400 ms"
 */
public record RegressionNotice(ItemView item, String releaseName, Instant regressedAt, String reason) {
}
