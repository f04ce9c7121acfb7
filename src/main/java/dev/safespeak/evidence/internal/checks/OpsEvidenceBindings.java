package dev.safespeak.evidence.internal.checks;

import java.util.Set;

/**
 * The checklist items the operations checks are evidence for, in one place, by their stable keys (decision 011).
 */
final class OpsEvidenceBindings {

    /** {@link OpsReportCheck#containerImage}: the image built and ran locked down (bench/container-smoke.sh). */
    static final Set<String> CONTAINER_IMAGE = Set.of("docker-images");

    /** {@link OpsReportCheck#scaleOut}: several instances share one PostgreSQL (TwoInstancesTest). */
    static final Set<String> SCALE_OUT = Set.of("load-balancer");

    /** {@link OpsReportCheck#backupRestore}: a backup was restored and the app ran on it (BackupRestoreTest). */
    static final Set<String> BACKUP_RESTORE = Set.of("database-provisioning", "database-rollback");

    private OpsEvidenceBindings() {
    }
}
