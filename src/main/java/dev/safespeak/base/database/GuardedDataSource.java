package dev.safespeak.base.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.safespeak.base.DatabaseStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource with a circuit breaker in front of the pool, published as {@link DatabaseStatus}. While the database is known to be
 * unavailable, {@link #getConnection()} fails at once with {@link Refused} instead of waiting for the pool's
 * connection timeout, so no request thread waits for a database that is gone. It turns unavailable on the first
 * failure to reach the server (its own probe's, or one a caller saw and reported), and available again when the
 * probe, which borrows a pooled connection and validates it every {@code probe-interval} (1 s), succeeds. The probe
 * bypasses the breaker. State changes are logged once each; refusals are not logged here.
 */
final class GuardedDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuardedDataSource.class);

    private final DatabaseProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService prober;
    /** Probes in a row whose connection did not answer in time that open the breaker. */
    static final int UNANSWERED_PROBES_TO_OPEN = 2;
    /** Probes in a row whose connection did not answer in time; only the prober touches it. */
    private int unanswered;
    /** Null while available; when the current outage began otherwise. */
    private volatile Instant unavailableSince;
    private volatile String lastFailure = "";
    /** Set when the context closes: the pool closing under a probe is not an outage. */
    private volatile boolean closed;
    /** This breaker as {@link DatabaseStatus}: a view, so the DataSource bean is not a second DatabaseStatus bean. */
    private final DatabaseStatus status = new DatabaseStatus() {
        @Override
        public boolean available() {
            return GuardedDataSource.this.available();
        }

        @Override
        public Optional<Instant> unavailableSince() {
            return GuardedDataSource.this.unavailableSince();
        }

        @Override
        public long retryAfterSeconds() {
            return GuardedDataSource.this.retryAfterSeconds();
        }

        @Override
        public void reportFailure(Throwable failure) {
            GuardedDataSource.this.reportFailure(failure);
        }
    };

    /**
     * The pool itself when asked for a plain {@link DataSource}: with only Flyway's own user set
     * ({@code SPRING_FLYWAY_USER}, docs/operations/app-role.md), Spring Boot derives the migration DataSource from
     * the application's by unwrapping it, and must reach the pool to read its URL ("Unable to find suitable method
     * for url" on this wrapper otherwise). Other interfaces are looked up as before.
     */
    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface == DataSource.class) {
            return iface.cast(obtainTargetDataSource());
        }
        return super.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface == DataSource.class || super.isWrapperFor(iface);
    }

    GuardedDataSource(DataSource target, DatabaseProperties properties, Clock clock, boolean probeInBackground) {
        super(target);
        this.properties = properties;
        this.clock = clock;
        if (probeInBackground) {
            prober = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "database-probe");
                t.setDaemon(true);
                return t;
            });
            long millis = properties.probeInterval().toMillis();
            prober.scheduleWithFixedDelay(this::probe, millis, millis, TimeUnit.MILLISECONDS);
        } else {
            prober = null;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileUnavailable();
        try {
            return obtainTargetDataSource().getConnection();
        } catch (SQLException | RuntimeException e) {
            reportFailure(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileUnavailable();
        try {
            return obtainTargetDataSource().getConnection(username, password);
        } catch (SQLException | RuntimeException e) {
            reportFailure(e);
            throw e;
        }
    }

    private void refuseWhileUnavailable() throws Refused {
        Instant since = unavailableSince;
        if (since != null) {
            throw new Refused("the database is unavailable since " + since + " (" + lastFailure + ")");
        }
    }

    /**
     * One check: borrow a connection from the pool past the breaker and validate it. A connection that does not
     * answer within the probe timeout opens the breaker only the second time in a row: on a machine short of CPU a
     * single validation can take longer than a second while the database is up, and an open breaker makes every
     * instance serve API keys from memory, where a revocation made elsewhere is not seen until it closes (a revoked
     * key may go on answering 200; the suspected cause of a revoked key answered for 5 s in one CI run of the
     * two-instance test). A refused or failed connection still opens it at once.
     */
    void probe() {
        if (poolClosed()) {
            return;
        }
        int seconds = (int) Math.max(1, properties.probeTimeout().toSeconds());
        boolean answered;
        try (Connection connection = obtainTargetDataSource().getConnection()) {
            answered = connection.isValid(seconds);
        } catch (SQLException | RuntimeException e) {
            markUnavailable(e);
            return;
        }
        if (answered) {
            unanswered = 0;
            markAvailable();
            return;
        }
        unanswered++;
        if (available() && unanswered < UNANSWERED_PROBES_TO_OPEN) {
            log.warn("The database did not answer the probe within {} s; the next probe decides", seconds);
            return;
        }
        markUnavailable(new SQLTransientConnectionException("the connection did not answer within " + seconds
                + " s, " + unanswered + " probes in a row", "08006"));
    }

    DatabaseStatus status() {
        return status;
    }

    boolean available() {
        return unavailableSince == null;
    }

    Optional<Instant> unavailableSince() {
        return Optional.ofNullable(unavailableSince);
    }

    long retryAfterSeconds() {
        return Math.max(1, properties.retryAfter().toSeconds());
    }

    void reportFailure(Throwable failure) {
        if (!(failure instanceof Refused) && DatabaseStatus.isConnectionFailure(failure)) {
            markUnavailable(failure);
        }
    }

    /** The last failure that made or kept the database unavailable, for readiness. */
    String lastFailure() {
        return lastFailure;
    }

    private void markUnavailable(Throwable failure) {
        if (poolClosed()) {
            return;
        }
        lastFailure = describe(failure);
        synchronized (this) {
            if (unavailableSince != null) {
                return;
            }
            unavailableSince = clock.instant();
        }
        log.warn("The database is unavailable ({}): scoring goes on from memory, writes answer 503 until it is "
                + "back; checking every {} ms", lastFailure, properties.probeInterval().toMillis());
    }

    private void markAvailable() {
        Instant since;
        synchronized (this) {
            since = unavailableSince;
            unavailableSince = null;
        }
        if (since != null) {
            log.info("The database is available again after {} ms", Duration.between(since, clock.instant())
                    .toMillis());
        }
    }

    /**
     * True once the app is stopping: this data source was closed, or Spring closed the Hikari pool itself (it did so
     * before this wrapper's close in a stopping app, and the probe then logged a closing pool as an outage).
     */
    private boolean poolClosed() {
        return closed || obtainTargetDataSource() instanceof HikariDataSource pool && pool.isClosed();
    }

    /** The innermost message of a failure, without class names of the pool's wrapping. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    @Override
    public void close() throws Exception {
        closed = true;
        if (prober != null) {
            prober.shutdownNow();
        }
        if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * The breaker's refusal: a connection exception (SQLState 08001) without a stack trace, which Spring translates
     * like any other failure to connect.
     */
    static final class Refused extends SQLTransientConnectionException {
        Refused(String message) {
            super(message, "08001");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
