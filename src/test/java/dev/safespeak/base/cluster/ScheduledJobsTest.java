package dev.safespeak.base.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every scheduled job is either cluster-wide, and then locked so one instance runs it per interval, or per instance
 * by design, and then listed here with the reason. A new {@code @Scheduled} method fails this test until its author
 * decides which it is (docs/decisions/082-several-instances-on-one-database.md).
 */
class ScheduledJobsTest {

    /** Jobs every instance must run itself, because they act on that instance's own memory or traffic. */
    private static final Map<String, String> PER_INSTANCE = Map.of(
            "dev.safespeak.audit.internal.AuditCheckpoints.scheduled",
            "appends the chain's tip to this instance's own checkpoint file; the same checkpoint twice is harmless",
            "dev.safespeak.evidence.internal.MetricsSampler.scheduled",
            "samples this JVM's own counters into rows tagged with its instance id",
            "dev.safespeak.evidence.internal.MetricsSampler.maintain",
            "rolls up this instance's own rows (deleting old rows twice is harmless)",
            "dev.safespeak.evidence.internal.ApiProbe.scheduled",
            "probes this instance's own API",
            "dev.safespeak.evidence.DemoTrafficService.tick",
            "demo traffic against this instance's own API",
            "dev.safespeak.evidence.SuccessCriteriaService.publishGauges",
            "refreshes this instance's gauges",
            "dev.safespeak.evidence.DriftService.watch",
            "refreshes this instance's drift gauges; the alert is raised by the locked alertOnDrift",
            "dev.safespeak.base.cluster.OutstandingEvents.scheduled",
            "takes the cluster lock event-republish itself, so a caller learns whether it ran");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.safespeak");

    private static List<JavaMethod> scheduled() {
        return CLASSES.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Scheduled.class)).toList();
    }

    private static String name(JavaMethod method) {
        return method.getOwner().getName() + "." + method.getName();
    }

    @Test
    void every_scheduled_job_is_locked_or_declared_per_instance() {
        List<String> undecided = scheduled().stream()
                .filter(m -> !m.isAnnotatedWith(SchedulerLock.class) && !PER_INSTANCE.containsKey(name(m)))
                .map(ScheduledJobsTest::name).toList();
        assertThat(undecided).as("scheduled jobs with neither @SchedulerLock nor an entry in PER_INSTANCE").isEmpty();
    }

    @Test
    void the_per_instance_list_names_only_existing_unlocked_jobs() {
        Set<String> unlocked = scheduled().stream().filter(m -> !m.isAnnotatedWith(SchedulerLock.class))
                .map(ScheduledJobsTest::name).collect(Collectors.toSet());
        assertThat(unlocked).containsExactlyInAnyOrderElementsOf(PER_INSTANCE.keySet());
    }

    @Test
    void the_cluster_wide_jobs_are_the_purges_checks_rollback_and_drift_alert_each_with_its_own_lock() {
        List<JavaMethod> locked = scheduled().stream().filter(m -> m.isAnnotatedWith(SchedulerLock.class)).toList();
        Set<String> lockNames = new TreeSet<>();
        for (JavaMethod method : locked) {
            assertThat(lockNames.add(method.getAnnotationOfType(SchedulerLock.class).name()))
                    .as("lock name of " + name(method) + " is unique").isTrue();
        }
        assertThat(lockNames).containsExactly("apikey-rate-window-purge", "evidence-drift-alert",
                "evidence-readiness-checks", "evidence-rollback-triggers", "storage-purge");
    }
}
