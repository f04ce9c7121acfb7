package dev.safespeak.audit;

import dev.safespeak.audit.internal.AuditVerifier;
import dev.safespeak.base.CommandContexts;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code audit verify [--checkpoints FILE]} command line: verifies the chain on the configured database with the
 * configured keys and, given one, a checkpoint file brought back from where it was shipped (else the configured
 * checkpoint file, when it exists). Prints the summary; exit code 0 when intact, 1 when broken or not verified, 2 on
 * a usage error, 3 when the check could not run (a key file others may read, a database that cannot be opened), so a
 * script can tell a broken trail from a check that never happened.
 */
public final class AuditCommand {

    static final String USAGE = "usage: audit verify [--checkpoints FILE]";

    private AuditCommand() {
    }

    /** Runs the command ({@code args[0]} is "audit") and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Optional<Path> checkpoints;
        if (args.length == 2 && "verify".equals(args[1])) {
            checkpoints = Optional.empty();
        } else if (args.length == 4 && "verify".equals(args[1]) && "--checkpoints".equals(args[2])) {
            checkpoints = Optional.of(Path.of(args[3]));
        } else {
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = CommandContexts.run(
                new SpringApplicationBuilder(AuditCommandContext.class).web(WebApplicationType.NONE)
                        .properties("spring.main.banner-mode=off", "logging.level.root=WARN"))) {
            AuditVerifier verifier = context.getBean(AuditVerifier.class);
            AuditVerification result = checkpoints.isPresent() ? verifier.verify(checkpoints) : verifier.verify();
            out.println(result.summary());
            result.checkpoints().ifPresent(c -> c.problems().forEach(p -> out.println("  checkpoint " + p)));
            return result.intact() ? 0 : 1;
        } catch (RuntimeException e) {
            err.println("audit verify: " + CommandContexts.reason(e));
            return 3;
        }
    }
}
