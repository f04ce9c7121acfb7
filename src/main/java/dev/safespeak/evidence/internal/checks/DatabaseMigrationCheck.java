package dev.safespeak.evidence.internal.checks;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.springframework.stereotype.Component;

/** Reads Flyway's state: every migration applied, none pending or failed. */
@Component
public class DatabaseMigrationCheck implements ReadinessCheck {

    private final Flyway flyway;

    public DatabaseMigrationCheck(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public String name() {
        return "database-migrations";
    }

    @Override
    public Set<String> itemKeys() {
        return Set.of("database-migrations");
    }

    @Override
    public CheckResult run() {
        MigrationInfo[] all = flyway.info().all();
        return judge(Arrays.asList(all), flyway.info().current());
    }

    static CheckResult judge(List<MigrationInfo> all, MigrationInfo current) {
        List<String> pending = all.stream().filter(m -> m.getState() == MigrationState.PENDING)
                .map(m -> String.valueOf(m.getVersion())).toList();
        List<String> failed = all.stream().filter(m -> m.getState().isFailed())
                .map(m -> String.valueOf(m.getVersion())).toList();
        long applied = all.stream().filter(m -> m.getState().isApplied()).count();
        String details = applied + " migrations applied, current version "
                + (current == null ? "none" : current.getVersion()) + ", pending " + pending + ", failed " + failed;
        return pending.isEmpty() && failed.isEmpty() && applied > 0 ? CheckResult.pass(details)
                : CheckResult.fail(details);
    }
}
