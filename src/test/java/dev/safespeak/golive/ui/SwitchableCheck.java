package dev.safespeak.golive.ui;

import dev.safespeak.evidence.CheckResult;
import dev.safespeak.evidence.ReadinessCheck;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A readiness check the board tests switch between pass and fail, bound to the item keyed
 * {@value #KEY}. Test classes that import it share one Spring context.
 */
@TestConfiguration
class SwitchableCheck {

    static final String NAME = "board-switchable";
    static final String KEY = "database-query-performance";
    static final AtomicBoolean PASSING = new AtomicBoolean(true);

    @Bean
    ReadinessCheck boardSwitchableCheck() {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Set<String> itemKeys() {
                return Set.of(KEY);
            }

            @Override
            public CheckResult run() {
                return PASSING.get() ? CheckResult.pass("p95 180 ms") : CheckResult.fail("p95 2400 ms, limit 500 ms");
            }
        };
    }
}
