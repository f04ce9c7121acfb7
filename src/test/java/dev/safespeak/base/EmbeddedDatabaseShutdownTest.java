package dev.safespeak.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the app with Ctrl+C or SIGTERM: H2's shutdown hook and Spring's run at once, and H2's closed the embedded
 * database under Spring's feet ("Database is already closed"). A child JVM stands in for the app: it holds a
 * connection to an AUTO_SERVER file database and, in a shutdown hook of its own that runs late like Spring's close,
 * still uses it. SIGTERM stops it.
 */
class EmbeddedDatabaseShutdownTest {

    /** The stand-in app: args are the database path and whether to remove H2's hook once the database is open. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Connection connection = DriverManager.getConnection("jdbc:h2:file:" + args[0] + ";AUTO_SERVER=TRUE", "sa",
                    "");
            connection.createStatement().execute("create table if not exists t(x int)");
            if (Boolean.parseBoolean(args[1])) {
                System.out.println("hook removed: " + EmbeddedDatabaseShutdown.removeH2ShutdownHook());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    connection.createStatement().execute("insert into t values (1)");
                    connection.close();
                    System.out.println("closed after its last write");
                } catch (Exception e) {
                    System.out.println("ERROR " + e.getMessage());
                }
            }));
            System.out.println("ready");
            Thread.sleep(120_000);
        }
    }

    private static List<String> runAndTerminate(Path database, boolean removeHook) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                database.toString(), String.valueOf(removeHook)).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.equals("ready")) {
                    // SIGTERM through the handle: Process.destroy() would also close the output being read
                    child.toHandle().destroy();
                }
            }
        } finally {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        return lines;
    }

    @Test
    void without_the_fix_h2_closes_the_database_before_the_app_is_done_with_it(@TempDir Path dir) throws Exception {
        List<String> output = runAndTerminate(dir.resolve("db"), false);
        assertThat(output).contains("ready").anyMatch(l -> l.startsWith("ERROR") && l.contains("already closed"));
    }

    @Test
    void with_h2s_hook_removed_the_app_closes_the_database_itself_after_its_last_write(@TempDir Path dir)
            throws Exception {
        List<String> output = runAndTerminate(dir.resolve("db"), true);
        assertThat(output).contains("hook removed: true", "ready", "closed after its last write")
                .noneMatch(l -> l.contains("ERROR"));
        try (Connection again = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"), "sa", "");
             ResultSet rows = again.createStatement().executeQuery("select count(*) from t")) {
            rows.next();
            assertThat(rows.getInt(1)).as("the write in the late hook is kept").isEqualTo(1);
        }
    }

    @Test
    void only_an_embedded_file_database_is_affected() {
        assertThat(EmbeddedDatabaseGuard.databaseFile("jdbc:h2:mem:test")).isEmpty();
        assertThat(EmbeddedDatabaseGuard.databaseFile("jdbc:postgresql://127.0.0.1:5432/test")).isEmpty();
        assertThat(EmbeddedDatabaseGuard.databaseFile("jdbc:h2:file:./data/safespeak;AUTO_SERVER=TRUE")).isPresent();
    }
}
