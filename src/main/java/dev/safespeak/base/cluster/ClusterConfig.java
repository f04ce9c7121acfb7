package dev.safespeak.base.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the scheduler lock and the notifications between instances to the application's database. A lock is held
 * at most {@code defaultLockAtMostFor} (30 min) when its instance dies mid-job; jobs name shorter bounds themselves.
 * The lock compares the database's clock, not each instance's, so instances with skewed clocks still agree.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClusterConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    ClusterNotifications clusterNotifications(DataSource dataSource) throws SQLException {
        return isPostgres(dataSource) ? new PostgresNotifications(dataSource) : new ClusterNotifications.Local();
    }

    static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        }
    }
}
