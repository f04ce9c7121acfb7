package dev.safespeak.base.database;

import dev.safespeak.base.DatabaseStatus;
import dev.safespeak.base.RateLimitedLog;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.support.TaskUtils;

/**
 * Puts the circuit breaker ({@link GuardedDataSource}) in front of the application's DataSource, publishes it as
 * {@link DatabaseStatus}, answers the health contributor {@code db} from it (memory only, so readiness answers at
 * once while the database is gone, where the stock check waited for the pool's timeout), and keeps scheduled jobs
 * that fail because the database is unavailable to one log line per 30 s instead of a stack trace per run.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    /** Wraps the bean named dataSource (Spring Boot's pool) as it is created, before anything else uses it. */
    @Bean
    static BeanPostProcessor guardedDataSourcePostProcessor(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!"dataSource".equals(beanName) || !(bean instanceof DataSource dataSource)
                        || bean instanceof GuardedDataSource) {
                    return bean;
                }
                DatabaseProperties properties = Binder.get(environment)
                        .bindOrCreate("safespeak.database", DatabaseProperties.class);
                return new GuardedDataSource(dataSource, properties, Clock.systemUTC(), true);
            }
        };
    }

    @Bean
    DatabaseStatus databaseStatus(DataSource dataSource) throws SQLException {
        return dataSource.isWrapperFor(GuardedDataSource.class) ? dataSource.unwrap(GuardedDataSource.class).status()
                : DatabaseStatus.ALWAYS_AVAILABLE;
    }

    /** Health contributor {@code db} (this bean name makes Spring Boot leave out its own, which queries). */
    @Bean
    HealthIndicator dbHealthIndicator(DatabaseStatus status, DataSource dataSource) throws SQLException {
        GuardedDataSource guarded = dataSource.isWrapperFor(GuardedDataSource.class)
                ? dataSource.unwrap(GuardedDataSource.class) : null;
        return () -> {
            if (status.available()) {
                return Health.up().build();
            }
            Health.Builder down = Health.down().withDetail("unavailableSince",
                    status.unavailableSince().map(Object::toString).orElse(""));
            if (guarded != null) {
                down.withDetail("reason", guarded.lastFailure());
            }
            return down.build();
        };
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer databaseAwareSchedulerErrors() {
        RateLimitedLog quiet = RateLimitedLog.of(log);
        return scheduler -> scheduler.setErrorHandler(failure -> {
            if (DatabaseStatus.isUnavailability(failure)) {
                quiet.warn("scheduled-job", "A scheduled job did not run: the database is unavailable ({})",
                        GuardedDataSource.describe(failure));
            } else {
                TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
            }
        });
    }
}
