package dev.safespeak.evidence.internal.checks;

import dev.safespeak.base.cluster.ClusterNotifications;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three operations checks; their item bindings live in {@link OpsEvidenceBindings}. */
@Configuration(proxyBeanMethods = false)
class OpsChecksConfig {

    @Bean
    OpsReportCheck containerImageCheck(OpsReportsProperties properties, Clock clock) {
        return OpsReportCheck.containerImage(properties, clock);
    }

    @Bean
    OpsReportCheck scaleOutCheck(OpsReportsProperties properties, Clock clock, ClusterNotifications cluster) {
        return OpsReportCheck.scaleOut(properties, clock, cluster);
    }

    @Bean
    OpsReportCheck backupRestoreCheck(OpsReportsProperties properties, Clock clock) {
        return OpsReportCheck.backupRestore(properties, clock);
    }
}
