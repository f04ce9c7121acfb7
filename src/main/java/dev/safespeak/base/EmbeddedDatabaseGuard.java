package dev.safespeak.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Closes the embedded H2 database to everyone but its owner. H2's AUTO_SERVER mode (which lets the {@code keys}
 * command use the file while the app runs) starts a TCP server that listened on every interface; its access key sits
 * in the lock file, which was readable by every local user, as were the database files. Before anything opens the
 * database this sets {@code h2.bindAddress} to 127.0.0.1 (unless the operator set it) and creates the database folder
 * with mode 0700; once the app has started, the database's files are set to 0600. Unless a password is configured,
 * the embedded database gets one: generated at the first start into {@code <database>.password} (for example
 * ./data/safespeak.password, mode 0600) and used by every later start and command; a database created by an earlier
 * version with the empty password gets it set once ({@code ALTER USER ... SET PASSWORD}), so {@code sa} with an empty
 * password is never accepted, neither on the AUTO_SERVER port nor from the file. Registered in
 * META-INF/spring.factories for every way the app starts: server, command line and tests. No effect on PostgreSQL or
 * an in-memory database.
 */
public final class EmbeddedDatabaseGuard implements EnvironmentPostProcessor, ApplicationListener<ApplicationStartedEvent> {

    /** The address H2's AUTO_SERVER binds to and advertises in its lock file. */
    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseGuard.class);
    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
    /** H2's SQLState for a wrong user name or password. */
    private static final String WRONG_PASSWORD = "28000";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        prepare(url);
        String password = environment.getProperty("spring.datasource.password");
        if ((password == null || password.isEmpty()) && databaseFile(url).isPresent()) {
            String user = environment.getProperty("spring.datasource.username", "sa");
            environment.getPropertySources().addFirst(new MapPropertySource("safespeak-embedded-database-password",
                    Map.of("spring.datasource.password", password(url, user))));
        }
    }

    /** The password file of an H2 file database ({@code ./data/safespeak.password}); empty for other URLs. */
    public static Optional<Path> passwordFile(String url) {
        return databaseFile(url).map(db -> db.resolveSibling(db.getFileName() + ".password"));
    }

    /**
     * The embedded database's password: read from its password file, or generated into it; an existing database
     * that still has the empty password gets this one. The new password is written to {@code <file>.new} first and
     * renamed once the database has it, so a crash in between loses nothing: the next start finds the pending file
     * and finishes.
     */
    public static String password(String url, String user) {
        Path file = passwordFile(url).orElseThrow(() -> new IllegalArgumentException("not an H2 file URL: " + url));
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Path pending = file.resolveSibling(file.getFileName() + ".new");
            String password = Files.exists(pending) ? read(pending) : write(pending, generated());
            Path database = databaseFile(url).orElseThrow();
            if (Files.exists(database.resolveSibling(database.getFileName() + ".mv.db"))) {
                setOnExistingDatabase(url, user, password, file);
            }
            Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the password file " + file + " of the embedded "
                    + "database " + url + ": " + CommandContexts.describe(e), e);
        }
    }

    /** Gives a database made with the empty password (before passwords were generated) the generated one. */
    private static void setOnExistingDatabase(String url, String user, String password, Path file) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalStateException("spring.datasource.username '" + user + "' of the embedded database is not "
                    + "a plain name; set SAFESPEAK_DB_PASSWORD");
        }
        loadDriver();
        try (Connection connection = DriverManager.getConnection(url, user, "");
                Statement statement = connection.createStatement()) {
            // The password is base64url: no quote can end the literal.
            statement.execute("ALTER USER " + user.toUpperCase(java.util.Locale.ROOT) + " SET PASSWORD '" + password
                    + "'");
            log.warn("The embedded database had the empty password: it now has a generated one, kept in {} (0600)",
                    file.toAbsolutePath());
        } catch (SQLException e) {
            if (WRONG_PASSWORD.equals(e.getSQLState()) && opens(url, user, password)) {
                return; // set by a start that stopped before it could rename the password file
            }
            if (WRONG_PASSWORD.equals(e.getSQLState())) {
                throw new IllegalStateException("the embedded database " + url + " has a password that is neither "
                        + "empty nor the one in " + file.toAbsolutePath() + ": set SAFESPEAK_DB_PASSWORD", e);
            }
            throw new IllegalStateException("cannot open the embedded database " + url + " to set its password: "
                    + e.getMessage() + (damaged(e) ? "; the file is damaged or not an H2 database" : ""), e);
        }
    }

    /**
     * Whether H2 failed because the file is not a database it can read: H2 says "file corrupted" (90030) or
     * "unsupported file version or invalid file header" (90048), or a read ended before the length the file's
     * header gave.
     */
    private static boolean damaged(SQLException e) {
        if (e.getErrorCode() == 90030 || e.getErrorCode() == 90048) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    private static boolean opens(String url, String user, String password) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void loadDriver() {
        try {
            Class.forName("org.h2.Driver", true, EmbeddedDatabaseGuard.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the H2 driver is not on the class path", e);
        }
    }

    private static String generated() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String write(Path file, String password) throws IOException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder != null && Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + " is a file, not a directory");
        }
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try {
            if (posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException anotherProcessWasFaster) {
            return read(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        return password;
    }

    private static String read(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
            log.warn("The embedded database's password file {} was readable by others: set to 0600",
                    file.toAbsolutePath());
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IllegalStateException("the embedded database's password file " + file.toAbsolutePath()
                    + " is empty; delete it only with the database, or set SAFESPEAK_DB_PASSWORD");
        }
        return password;
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
