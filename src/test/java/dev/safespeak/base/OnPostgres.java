package dev.safespeak.base;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against the machine's real PostgreSQL (127.0.0.1:5432, database {@code test},
 * override with {@code SAFESPEAK_TEST_PG_URL}) in a fresh schema of its own, migrated by Flyway.
 * Put it on a subclass of an abstract test whose plain subclass runs on H2, so the same tests run on both.
 * When PostgreSQL is unreachable the test fails under {@code CI=true} and is skipped with a message elsewhere.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ActiveProfiles("test")
@ExtendWith(PostgresAvailable.class)
@ContextConfiguration(initializers = PostgresSchemaInitializer.class)
public @interface OnPostgres {
}
