package dev.safespeak.base.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * {@link ClusterNotifications} over PostgreSQL's LISTEN/NOTIFY: one daemon thread holds a connection of its own that
 * LISTENs on every subscribed channel and waits for notifications ({@value #WAIT_MILLIS} ms at a time); a message is
 * sent with {@code pg_notify} on a pooled connection by a single sender thread, so that a board click never waits for
 * it. Each payload starts with this instance's random id, so its own messages are recognised and dropped. When the
 * listening connection breaks (database restarted) the thread reconnects every {@value #RECONNECT_MILLIS} ms;
 * messages sent meanwhile are lost, which for board refreshes means a board shows a change at its next refresh.
 * A subscription takes effect when the thread next LISTENs: within {@value #WAIT_MILLIS} ms of {@link #subscribe}
 * once the listening connection is up, later while it connects or reconnects; a message sent before that is not
 * delivered. The only subscriber (the board broadcaster) subscribes while the application starts, long before the
 * instance is ready and can show a board, so no open board misses a change.
 */
final class PostgresNotifications implements ClusterNotifications, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);
    /** While the database is down the listener fails every 2 s: one line per 30 s of it. */
    private static final dev.safespeak.base.RateLimitedLog quiet = dev.safespeak.base.RateLimitedLog.of(log);
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 2_000;

    private final DataSource dataSource;
    private final String instanceId = UUID.randomUUID().toString();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> daemon(r, "cluster-notify-send"));
    private final Thread listenerThread;
    private volatile boolean running = true;

    PostgresNotifications(DataSource dataSource) {
        this.dataSource = dataSource;
        this.listenerThread = daemon(this::listen, "cluster-notify-listen");
        listenerThread.start();
    }

    @Override
    public void publish(String channel, String payload) {
        ClusterNotifications.requireChannel(channel);
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw new IllegalArgumentException("payload has " + payload.length() + " characters, at most "
                    + MAX_PAYLOAD_CHARS + " are allowed");
        }
        String message = instanceId + " " + payload;
        sender.execute(() -> send(channel, message));
    }

    @Override
    public void subscribe(String channel, Consumer<String> listener) {
        listeners.computeIfAbsent(ClusterNotifications.requireChannel(channel), c -> new CopyOnWriteArrayList<>())
                .add(listener);
    }

    @Override
    public boolean crossesInstances() {
        return true;
    }

    private void send(String channel, String message) {
        // A pooled connection of its own, never one bound to a transaction: NOTIFY in an open transaction waits for
        // its commit, and after-commit listeners run while the committed transaction's connection is still bound.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, channel);
            notify.setString(2, message);
            notify.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.debug("Notified the other instances on channel {}", channel);
        } catch (SQLException e) {
            log.warn("Could not notify the other instances on channel {}: {}", channel, e.getMessage());
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                Set<String> listening = ConcurrentHashMap.newKeySet();
                log.info("Listening for notifications from other instances");
                while (running) {
                    for (String channel : listeners.keySet()) {
                        if (listening.add(channel)) {
                            try (Statement statement = connection.createStatement()) {
                                statement.execute("LISTEN " + channel);
                            }
                            log.debug("Listening on channel {}", channel);
                        }
                    }
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    quiet.warn("lost", "Lost the notification connection ({}); reconnecting every {} ms",
                            e.getMessage(), RECONNECT_MILLIS);
                    sleep(RECONNECT_MILLIS);
                }
            }
        }
    }

    private void deliver(String channel, String message) {
        int space = message.indexOf(' ');
        if (space < 0 || message.substring(0, space).equals(instanceId)) {
            return;
        }
        String payload = message.substring(space + 1);
        log.debug("Notification from another instance on channel {}: {}", channel, payload);
        for (Consumer<String> listener : listeners.getOrDefault(channel, List.of())) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                log.warn("A listener on channel {} failed: {}", channel, e.getMessage(), e);
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        sender.shutdown();
        sender.awaitTermination(2, TimeUnit.SECONDS);
        listenerThread.join(WAIT_MILLIS * 2L);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
