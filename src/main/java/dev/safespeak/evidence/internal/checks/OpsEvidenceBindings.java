package dev.safespeak.evidence.internal.checks;

import java.util.Set;

/**
 * The checklist items the operations checks are evidence for, in one place. Items are matched by their text today;
 * when checklist items carry stable keys, switch these three sets to keys here and nowhere else.
 */
final class OpsEvidenceBindings {

    /** {@link OpsReportCheck#containerImage}: the image built and ran locked down (bench/container-smoke.sh). */
    static final Set<String> CONTAINER_IMAGE = Set.of("Docker images built and pushed to registry");

    /** {@link OpsReportCheck#scaleOut}: several instances share one PostgreSQL (TwoInstancesTest). */
    static final Set<String> SCALE_OUT = Set.of("Load balancer and auto-scaling setup");

    /** {@link OpsReportCheck#backupRestore}: a backup was restored and the app ran on it (BackupRestoreTest). */
    static final Set<String> BACKUP_RESTORE = Set.of("Database provisioning and backup setup",
            "Database rollback capabilities verified");

    private OpsEvidenceBindings() {
    }
}
