package dev.safespeak;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;
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

    public static void main(String[] args) {
        if (args.length > 0 && "keys".equals(args[0])) {
            System.exit(dev.safespeak.apikey.KeysCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && "audit".equals(args[0])) {
            System.exit(dev.safespeak.audit.AuditCommand.run(args, System.out, System.err));
        }
        if (args.length > 0 && "score".equals(args[0])) {
            System.exit(dev.safespeak.moderation.ScoreCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication application = new SpringApplication(SafeSpeakApplication.class);
        StartupSteps.install(application);
        application.run(args);
    }
}
