package dev.safespeak.audit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The Spring context of the {@code audit verify} command: the configured database, the audit key ring and the
 * chain and checkpoint verification, nothing else. It does not migrate the database (verification changes
 * nothing); run the application once after an upgrade first. Deliberately not a {@code @Configuration}, so the
 * application's component scan does not pick it up.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@ComponentScan(basePackages = "dev.safespeak.audit.internal", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern =
                "dev\\.safespeak\\.audit\\.internal\\.(AuditStore|AuditCheckpoints|AuditVerifier|AuditKeyConfiguration)"))
@ConfigurationPropertiesScan(basePackages = "dev.safespeak.audit.internal")
class AuditCommandContext {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
