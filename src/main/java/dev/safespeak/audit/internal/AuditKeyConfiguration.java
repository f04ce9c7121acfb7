package dev.safespeak.audit.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit key ring, loaded once at start: a missing, short or readable-by-others key stops the application. */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

    @Bean
    AuditKeyRing auditKeyRing(AuditProperties properties, @Value("${spring.datasource.url:}") String databaseUrl) {
        return AuditKeyRing.load(properties.hmac(), databaseUrl.isEmpty() || databaseUrl.startsWith("jdbc:h2:"));
    }
}
