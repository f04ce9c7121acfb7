package dev.safespeak.apikey;

import dev.safespeak.security.ServiceAuthorization;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.DeferredImportSelector;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.modulith.events.config.EventPublicationAutoConfiguration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The Spring context of the {@code keys} command: the API key service, its repository and the audit trail that
 * records its changes, on the configured database (Flyway migrates it as the application would, Java migrations
 * included), with method security and Spring Modulith's event publication registry. No web server, Vaadin, moderation
 * model, scheduler or other module: the application's full context took 15 s and more to insert one row (issue 12).
 * Only the auto-configurations listed are applied. The other modules are named by package only, so this class adds no
 * module dependency.
 *
 * <p>Deliberately not a {@code @Configuration}: the application's component scan must not find it, or its JPA
 * repository and component scans would replace the application's own. Spring reads it as a configuration class only
 * where it is the source ({@link KeysCommand}).
 */
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        JacksonAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
        DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class})
@Import({KeysCommandContext.EventPublicationRegistry.class, KeysCommandContext.JavaMigrations.class})
@ComponentScan(basePackages = {"dev.safespeak.apikey", "dev.safespeak.audit", "dev.safespeak.base"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "dev\\.safespeak\\.[a-z]+\\.ui\\..*", "dev\\.safespeak\\.base\\.cluster\\..*",
                "dev\\.safespeak\\.audit\\.ReleaseReportService", "dev\\.safespeak\\.audit\\.internal\\..*Check"}))
@ConfigurationPropertiesScan(basePackages = {"dev.safespeak.apikey", "dev.safespeak.audit", "dev.safespeak.base"})
@EnableJpaRepositories(basePackages = "dev.safespeak.apikey.internal")
@EntityScan(basePackages = {"dev.safespeak.apikey.internal", "org.springframework.modulith.events.jpa"})
@EnableMethodSecurity(jsr250Enabled = true)
class KeysCommandContext {

    /** What a denied {@code @PreAuthorize} check throws, as in the application. */
    @Bean
    ServiceAuthorization serviceAuthorization() {
        return new ServiceAuthorization();
    }

    /**
     * Flyway's Java migrations, by name: they are Spring beans (Spring Boot hands them to Flyway), and without them
     * Flyway would refuse a database the application migrated. Named rather than found by scanning every class of the
     * application for them, which took 0.7 s and more of the command's start (issue 12); KeysCommandTest fails when
     * the application has a Java migration this list lacks.
     */
    static final class JavaMigrations implements ImportSelector {

        static final String[] CLASS_NAMES = {"dev.safespeak.golive.internal.ItemKeyMigration"};

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return CLASS_NAMES.clone();
        }
    }

    /**
     * Spring Modulith's JPA publication repository and Jackson serializer (package-private classes, so by name),
     * then the publication registry and its persistent event multicaster, in that order: the registry is only
     * configured when the repository bean is already defined. Listed apart, the registry's auto-configuration came
     * first, found no repository and left the plain multicaster in place, so no publication was stored and an audit
     * entry whose listener lost the race with the context's close was gone without a trace (issue 10).
     */
    static final class EventPublicationRegistry implements DeferredImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {"org.springframework.modulith.events.jpa.JpaEventPublicationAutoConfiguration",
                    "org.springframework.modulith.events.jackson.JacksonEventSerializationConfiguration",
                    EventPublicationAutoConfiguration.class.getName()};
        }
    }
}
