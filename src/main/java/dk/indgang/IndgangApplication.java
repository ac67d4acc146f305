package dk.indgang;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;
import dk.indgang.definition.Linter;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the service, or, with {@code lint <path>} as arguments, checks form definitions and exits
 * without starting anything else.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class IndgangApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("lint")) {
            // The lint command prints its findings and nothing else: no start-up logging.
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
            var arguments = Arrays.asList(args).subList(1, args.length);
            var definitions = Linter.run(arguments, System.out, System.err);
            // a usage error (2) stops here; otherwise the scenario files are checked too
            System.exit(
                    definitions == 2
                            ? 2
                            : Math.max(
                                    definitions,
                                    dk.indgang.design.ScenarioLint.run(arguments, System.out, System.err)));
        }
        SpringApplication.run(IndgangApplication.class, args);
    }
}
