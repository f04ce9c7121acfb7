package dev.safespeak.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database in a process of its own, started through Spring Boot as the app starts (the guard is
 * wired by META-INF/spring.factories, H2 opened while the context refreshes): its AUTO_SERVER listens on loopback
 * only, refuses {@code sa} with the empty password, and its folder and files are readable by their owner only.
 */
class EmbeddedDatabaseGuardTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void the_h2_server_listens_on_loopback_only_and_the_database_files_are_private(@TempDir Path dir)
            throws Exception {
        Path database = dir.resolve("data").resolve("safespeak");
        String url = "jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE";
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, Probe.class.getName(), url).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(probe.getInputStream(),
                    StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line = out.readLine(); line != null && !line.equals("ready"); line = out.readLine()) {
                lines.add(line);
            }
            assertThat(probe.isAlive()).as(String.join("\n", lines)).isTrue();

            Properties lock = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve("data/safespeak.lock.db"),
                    StandardCharsets.ISO_8859_1)) {
                lock.load(reader);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("address in the lock file").matches("(127\\.0\\.0\\.1|localhost):\\d+");
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(external.get(), port), 2000);
                    }
                }).as("connecting to " + external.get() + ":" + port).isInstanceOf(java.io.IOException.class);
            }

            // The server's port, as anyone who can reach it would try: sa with the empty password is refused; the
            // generated password (0600 file next to the database) opens it.
            String tcp = "jdbc:h2:tcp://127.0.0.1:" + port + "/" + database;
            assertThatThrownBy(() -> DriverManager.getConnection(tcp, "sa", "").close())
                    .as("sa with the empty password on the server's port").isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
            String password = Files.readString(dir.resolve("data/safespeak.password")).strip();
            try (Connection owner = DriverManager.getConnection(url, "sa", password)) {
                assertThat(owner.isValid(2)).isTrue();
            }

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("data"))))
                    .isEqualTo("rwx------");
            List<Path> files;
            try (var list = Files.list(dir.resolve("data"))) {
                files = list.toList();
            }
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .contains("safespeak.mv.db", "safespeak.lock.db", "safespeak.password");
            for (Path file : files) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                        .isEqualTo("rw-------");
            }
        } finally {
            probe.getOutputStream().close();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
            }
        }
    }

    @Test
    void only_h2_file_urls_are_guarded() {
        assertThat(EmbeddedDatabaseGuard.databaseFile("jdbc:h2:file:./data/safespeak;AUTO_SERVER=TRUE"))
                .contains(Path.of("./data/safespeak"));
        assertThat(EmbeddedDatabaseGuard.databaseFile("jdbc:h2:./data/x")).contains(Path.of("./data/x"));
        assertThat(EmbeddedDatabaseGuard.databaseFile("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(EmbeddedDatabaseGuard.databaseFile("jdbc:h2:tcp://localhost/~/test")).isEmpty();
        assertThat(EmbeddedDatabaseGuard.databaseFile("jdbc:postgresql://127.0.0.1:5432/test")).isEmpty();
        assertThat(EmbeddedDatabaseGuard.databaseFile(null)).isEmpty();
    }

    private static Optional<InetAddress> externalAddress() throws Exception {
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                Optional<InetAddress> address = nic.inetAddresses().filter(a -> a instanceof Inet4Address)
                        .findFirst();
                if (address.isPresent()) {
                    return address;
                }
            }
        }
        return Optional.empty();
    }

    /** A Spring Boot process that opens the database during refresh, like the app's Flyway, and waits. */
    @Configuration(proxyBeanMethods = false)
    static class Probe {

        @Bean(destroyMethod = "close")
        Connection database(Environment environment) throws SQLException {
            return DriverManager.getConnection(environment.getProperty("spring.datasource.url"), "sa",
                    environment.getProperty("spring.datasource.password"));
        }

        public static void main(String[] args) throws Exception {
            SpringApplication application = new SpringApplicationBuilder(Probe.class).web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off").build();
            try (ConfigurableApplicationContext ignored = application.run("--spring.datasource.url=" + args[0])) {
                System.out.println("ready");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait until the test closes our input
                }
            }
        }
    }
}
