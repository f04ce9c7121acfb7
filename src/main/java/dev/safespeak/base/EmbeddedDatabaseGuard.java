package dev.safespeak.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Closes the embedded H2 database to everyone but its owner. H2's AUTO_SERVER mode (which lets the {@code keys}
 * command use the file while the app runs) starts a TCP server that listened on every interface; its access key sits
 * in the lock file, which was readable by every local user, as were the database files. Before anything opens the
 * database this sets {@code h2.bindAddress} to 127.0.0.1 (unless the operator set it) and creates the database folder
 * with mode 0700; once the app has started, the database's files are set to 0600. Registered in
 * META-INF/spring.factories for every way the app starts: server, command line and tests. No effect on PostgreSQL or
 * an in-memory database.
 */
public final class EmbeddedDatabaseGuard implements EnvironmentPostProcessor, ApplicationListener<ApplicationStartedEvent> {

    /** The address H2's AUTO_SERVER binds to and advertises in its lock file. */
    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseGuard.class);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        prepare(environment.getProperty("spring.datasource.url"));
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        try {
            restrictFiles(event.getApplicationContext().getEnvironment().getProperty("spring.datasource.url"));
        } catch (UncheckedIOException e) {
            log.warn("Could not make the embedded database's files private: {}", e.getMessage());
        }
    }

    /** Binds H2's server to loopback and creates the database folder owner-only; call before H2 is loaded. */
    public static void prepare(String url) {
        Optional<Path> database = databaseFile(url);
        if (database.isEmpty()) {
            return;
        }
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, "127.0.0.1");
        }
        Path folder = database.get().toAbsolutePath().getParent();
        if (folder != null && !Files.exists(folder)) {
            try {
                if (posix()) {
                    Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
                } else {
                    Files.createDirectories(folder);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the database folder " + folder, e);
            }
        }
    }

    /** Sets the database's files (data, lock, trace) to 0600; returns how many it changed. */
    public static int restrictFiles(String url) {
        Optional<Path> database = databaseFile(url);
        if (database.isEmpty() || !posix()) {
            return 0;
        }
        Path file = database.get().toAbsolutePath();
        Path folder = file.getParent();
        String prefix = file.getFileName() + ".";
        if (folder == null || !Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            int changed = 0;
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                if (Files.isRegularFile(f) && !Files.getPosixFilePermissions(f).equals(OWNER_ONLY_FILE)) {
                    Files.setPosixFilePermissions(f, OWNER_ONLY_FILE);
                    changed++;
                }
            }
            return changed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the files of " + file, e);
        }
    }

    /** The database file of an H2 file URL without its extension ({@code ./data/safespeak}); empty otherwise. */
    static Optional<Path> databaseFile(String url) {
        if (url == null || !url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            return Optional.empty();
        }
        String rest = url.substring(8);
        int options = rest.indexOf(';');
        String name = options < 0 ? rest : rest.substring(0, options);
        if (name.regionMatches(true, 0, "file:", 0, 5)) {
            name = name.substring(5);
        } else if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:")
                || name.contains("://") || name.isEmpty()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name));
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
