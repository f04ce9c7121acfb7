package dev.safespeak.base;

import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Lets Spring, not H2, close the embedded file database when the app stops. On Ctrl+C or SIGTERM every JVM shutdown
 * hook runs at once: H2's own hook closed the database while Spring was still stopping its schedulers, event
 * listeners and pool, which then logged "Database is already closed" errors and stack traces. H2 refuses
 * {@code DB_CLOSE_ON_EXIT=FALSE} together with {@code AUTO_SERVER=TRUE} (which the {@code keys} command needs to
 * reach a running app's database), so once the app has started, with the database open, this removes H2's hook.
 * Spring's close then stops the users of the database first and closes the pool last; the pool's last connection
 * closes the database cleanly (H2's default {@code DB_CLOSE_DELAY=0}). No effect on PostgreSQL or an in-memory
 * database; if a later H2 renames its hook, it stays in place and a DEBUG line says so.
 */
@Component
class EmbeddedDatabaseShutdown implements ApplicationListener<ApplicationStartedEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseShutdown.class);
    private static final String H2_HOOK_CLASS = "org.h2.engine.OnExitDatabaseCloser";

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        String url = event.getApplicationContext().getEnvironment().getProperty("spring.datasource.url");
        if (EmbeddedDatabaseGuard.databaseFile(url).isPresent()) {
            removeH2ShutdownHook();
        }
    }

    /** Removes H2's JVM shutdown hook; true when it was registered and is now gone. */
    static boolean removeH2ShutdownHook() {
        try {
            Class<?> closer = Class.forName(H2_HOOK_CLASS, false, EmbeddedDatabaseShutdown.class.getClassLoader());
            Field instance = closer.getDeclaredField("INSTANCE");
            instance.setAccessible(true);
            boolean removed = Runtime.getRuntime().removeShutdownHook((Thread) instance.get(null));
            log.debug("H2's shutdown hook {}: Spring closes the embedded database when the app stops",
                    removed ? "removed" : "was not registered");
            return removed;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("H2's shutdown hook stays ({}): the embedded database may close before Spring has stopped", e.toString());
            return false;
        }
    }
}
