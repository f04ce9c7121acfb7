package dev.safespeak.apikey;

import dev.safespeak.base.CommandContexts;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The {@code keys} command line: {@code keys create --name NAME [--rate N] [--daily N] [--tenant T] [--scopes S]}
 * prints a new
 * key's secret once; {@code keys list} and {@code keys revoke ID} manage them. It runs against the configured
 * database in a small Spring context of its own ({@link KeysCommandContext}: no web server, Vaadin, model or
 * scheduler), acting as the administrator {@code system:cli}.
 */
public final class KeysCommand {

    static final String USAGE = """
            usage: keys create --name NAME [--rate REQUESTS_PER_SECOND] [--daily TEXTS_PER_DAY] [--tenant TENANT]
                               [--scopes score,feedback,lists:write]  (default: score,feedback)
                   keys list
                   keys revoke ID""";

    private KeysCommand() {
    }

    /** Runs the command ({@code args[0]} is "keys") and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !List.of("create", "list", "revoke").contains(args[1])) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        ConfigurableApplicationContext started;
        try {
            started = CommandContexts.run(new SpringApplicationBuilder(KeysCommandContext.class)
                    .web(WebApplicationType.NONE)
                    // Not lazy: the audit listener must exist before the change's event arrives, or the listener,
                    // created on its thread while the context closes, fails and the entry is left unwritten.
                    .properties("spring.main.banner-mode=off", "logging.level.root=WARN",
                            // The audit entry of a change made here is written before the command exits, not left as
                            // an unfinished event for the web application to hand out again.
                            "spring.task.execution.shutdown.await-termination=true",
                            "spring.task.execution.shutdown.await-termination-period=PT10S"));
        } catch (RuntimeException e) {
            err.println("keys " + args[1] + ": " + CommandContexts.reason(e));
            return 1;
        }
        try (ConfigurableApplicationContext context = started) {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                    "system:cli", "n/a", List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
            ApiKeyService keys = context.getBean(ApiKeyService.class);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            long unfinishedBefore = unfinishedPublications(jdbc);
            switch (args[1]) {
                case "create" -> {
                    NewApiKey key = keys.create(options.get("name"), options.get("tenant"),
                            options.containsKey("rate") ? parseInt(options.get("rate"), "--rate") : null,
                            options.containsKey("daily") ? parseLong(options.get("daily"), "--daily") : null,
                            options.containsKey("scopes") ? ApiKeyScope.parse(options.get("scopes"))
                                    : ApiKeyScope.DEFAULT);
                    ApiKeyInfo info = key.info();
                    out.printf("Created API key %d '%s' for tenant %s: %d requests/s, %d texts/day, scopes %s.%n",
                            info.id(), info.name(), info.tenant(), info.ratePerSecond(), info.dailyTexts(),
                            ApiKeyScope.format(info.scopes()).replace(' ', ','));
                    out.println("The secret is shown this once; only its SHA-256 is kept:");
                    out.println(key.secret());
                }
                case "list" -> keys.list().forEach(k -> out.printf("%d\t%s\t%s\t%s\t%d/s\t%d/day\t%s\t%s%n",
                        k.id(), k.prefix(), k.name(), k.tenant(), k.ratePerSecond(), k.dailyTexts(),
                        ApiKeyScope.format(k.scopes()).replace(' ', ','), k.revoked() ? "revoked" : "active"));
                default -> {
                    ApiKeyInfo info = keys.revoke(parseLong(options.get("id"), "ID"));
                    out.printf("Revoked API key %d (%s...).%n", info.id(), info.prefix());
                }
            }
            awaitAuditEntries(jdbc, unfinishedBefore);
            return 0;
        } catch (IllegalArgumentException | dev.safespeak.base.BusinessException e) {
            err.println("keys " + args[1] + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("keys " + args[1] + ": " + CommandContexts.reason(e));
            return 1;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /**
     * Waits (at most 10 s) until the events this command published are handed to their listeners, that is until no
     * more event publications are unfinished than before it ran. The audit listener runs on another thread; closing
     * the context while it writes closes the EntityManagerFactory under it and leaves the entry unwritten (the
     * executor's await-termination alone did not prevent that: the factory can be destroyed first).
     */
    static void awaitAuditEntries(JdbcTemplate jdbc, long unfinishedBefore) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (unfinishedPublications(jdbc) > unfinishedBefore && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long unfinishedPublications(JdbcTemplate jdbc) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL",
                Long.class);
        return count == null ? 0 : count;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        int i = 2;
        if ("revoke".equals(args[1])) {
            if (args.length != 3) {
                throw new IllegalArgumentException("keys revoke needs the id of the key");
            }
            options.put("id", args[2]);
            return options;
        }
        while (i < args.length) {
            String name = args[i];
            if (!List.of("--name", "--rate", "--daily", "--tenant", "--scopes").contains(name)
                    || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + name);
            }
            options.put(name.substring(2), args[i + 1]);
            i += 2;
        }
        if ("create".equals(args[1]) && !options.containsKey("name")) {
            throw new IllegalArgumentException("keys create needs --name");
        }
        if (options.containsKey("scopes")) {
            ApiKeyScope.parse(options.get("scopes"));
        }
        return options;
    }

    private static int parseInt(String value, String option) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + value + "'");
        }
    }

    private static long parseLong(String value, String option) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + value + "'");
        }
    }
}
