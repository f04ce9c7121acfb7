package dev.safespeak;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
import java.io.PrintStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** SafeSpeak: the moderation service and the board its team uses to take it live. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@Theme("safespeak")
public class SafeSpeakApplication implements AppShellConfigurator {

    /** What {@code help} prints: the server and the commands. */
    static final String USAGE = """
            usage: java -jar safespeak.jar [--spring.option=value ...]        start the server (no command)
                   java -jar safespeak.jar score --in FILE --out FILE ...     score a file offline (score --help)
                   java -jar safespeak.jar keys create|list|revoke ...        manage API keys
                   java -jar safespeak.jar audit verify [--checkpoints FILE]  verify the audit trail""";

    /** {@link #command}'s answer when the arguments start the server. */
    static final int SERVER = -1;

    public static void main(String[] args) {
        int status = command(args, System.out, System.err);
        if (status != SERVER) {
            System.exit(status);
        }
        SpringApplication application = new SpringApplication(SafeSpeakApplication.class);
        StartupSteps.install(application);
        application.run(args);
    }

    /**
     * Runs the command the first argument names and answers its exit status, or {@link #SERVER} when the arguments
     * start the server: none, or Spring options ({@code --server.port=...}). Any other first word is refused with exit
     * status 2 (a usage error, as in the commands) before anything starts, so a mistyped command never starts the
     * production server and creates its database.
     */
    static int command(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return SERVER;
        }
        return switch (args[0]) {
            case "keys" -> dev.safespeak.apikey.KeysCommand.run(args, out, err);
            case "audit" -> dev.safespeak.audit.AuditCommand.run(args, out, err);
            case "score" -> dev.safespeak.moderation.ScoreCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            case "help", "--help", "-h" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> {
                if (args[0].startsWith("--")) {
                    yield SERVER;
                }
                err.println("unknown command '" + args[0] + "'; commands: score, keys, audit (no command starts the"
                        + " server)");
                yield 2;
            }
        };
    }
}
