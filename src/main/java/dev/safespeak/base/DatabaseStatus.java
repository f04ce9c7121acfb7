package dev.safespeak.base;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether the application's database can be reached now, as the circuit breaker in front of the connection pool
 * knows it (base.database.GuardedDataSource). While it is unavailable every attempt to get a connection fails at
 * once instead of waiting for the pool's timeout; code that can do without the database (scoring) checks
 * {@link #available()} first and answers from memory, code that cannot (writes) fails with
 * {@link DatabaseUnavailableException}, which the REST API answers with 503 and {@code Retry-After}.
 */
public interface DatabaseStatus {

    /** False from the first connection failure until a background probe reaches the database again. */
    boolean available();

    /** Since when the database is unavailable; empty while it is available. */
    Optional<Instant> unavailableSince();

    /** What a client that was refused a write should wait before trying again, in seconds (at least 1). */
    long retryAfterSeconds();

    /**
     * Tells the breaker about a failure seen by a caller: a failure to reach the database ({@link
     * #isConnectionFailure}) marks it unavailable until the probe succeeds; anything else is ignored.
     */
    void reportFailure(Throwable failure);

    /** The exception a write answers while the database is unavailable; {@code what} says what was not done. */
    default DatabaseUnavailableException unavailable(String what) {
        return new DatabaseUnavailableException(what + ": the database is unavailable; try again in "
                + retryAfterSeconds() + " seconds", retryAfterSeconds());
    }

    /**
     * Whether a failure means "the database cannot do this now, try later" rather than a bug or bad data: a
     * failure to reach it ({@link #isConnectionFailure}), a connection the pool could not hand out in time, the
     * server out of resources (SQLState class 53: disk full, out of memory, too many connections), or Spring's
     * resource-failure translation of any of these.
     */
    static boolean isUnavailability(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof SQLTransientConnectionException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("53")) {
                return true;
            }
            // A write in flight when the database went away: its rollback fails too, and that failure (often
            // without an SQL cause) replaces the one that tells why.
            if (t instanceof TransactionSystemException tx && tx.getApplicationException() != null
                    && isUnavailability(tx.getApplicationException())) {
                return true;
            }
        }
        return isConnectionFailure(failure);
    }

    /**
     * Whether a failure shows that the database server cannot be reached: SQLState class 08 (connection
     * exception), 57P01-57P03 (PostgreSQL shutting down, starting up), a refused or timed-out socket, or the
     * breaker's own refusal. A pool that is merely busy is not one.
     */
    static boolean isConnectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A status for code that runs without a database (command-line tools, unit tests): always available. */
    DatabaseStatus ALWAYS_AVAILABLE = new DatabaseStatus() {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public Optional<Instant> unavailableSince() {
            return Optional.empty();
        }

        @Override
        public long retryAfterSeconds() {
            return 1;
        }

        @Override
        public void reportFailure(Throwable failure) {
            // nothing to track
        }
    };
}
