package dev.safespeak.base;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at PostgreSQL in a new schema, so parallel and repeated runs never share tables. */
class PostgresSchemaInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test", Map.of(
                "spring.datasource.url", PostgresAvailable.URL + "?currentSchema=" + schema,
                "spring.datasource.username", PostgresAvailable.USER,
                "spring.datasource.password", "",
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema,
                "spring.flyway.create-schemas", "true")));
    }
}
