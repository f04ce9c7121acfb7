package dev.safespeak.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own: {@code initdb} into a temp folder and {@code pg_ctl start} on a free port of
 * 127.0.0.1, trust authentication for the user {@code postgres}; never the machine's shared server. The binaries are
 * Debian's ({@value #BIN}). initdb refuses to run as root, so as root the server runs as the system user postgres.
 */
final class LocalPostgres implements AutoCloseable {

    static final String BIN = "/usr/lib/postgresql/15/bin";

    private final Path dir;
    private final int port;

    private LocalPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Whether the PostgreSQL 15 server binaries are installed. */
    static boolean installed() {
        return Files.isExecutable(Path.of(BIN, "initdb")) && Files.isExecutable(Path.of(BIN, "pg_ctl"));
    }

    static LocalPostgres start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("safespeak-pg-");
        int port = freePort();
        LocalPostgres pg = new LocalPostgres(dir, port);
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
            run(List.of("chmod", "755", dir.toString()));
        }
        pg.asOwner(List.of(BIN + "/initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust",
                "-E", "UTF8", "--no-sync"));
        pg.startServer();
        return pg;
    }

    /** Starts the server (again, after {@link #stop()}) on the same port and data folder; waits until it accepts. */
    void startServer() throws IOException, InterruptedException {
        asOwner(List.of(BIN + "/pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log")
                .toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off", "start"));
    }

    /**
     * Stops the server the way an outage looks to the application (fast shutdown: open connections are closed,
     * new ones refused), keeping its data for {@link #startServer()}.
     */
    void stop() throws IOException, InterruptedException {
        asOwner(List.of(BIN + "/pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                asOwner(List.of(BIN + "/pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w",
                        "stop"));
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void asOwner(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
