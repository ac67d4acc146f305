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
 * without starting anything else; with {@code scenarios <path>}, runs the scenarios beside the forms
 * against the simulated registers ({@link ScenariosCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class IndgangApplication implements AppShellConfigurator {

    /** The commands print their findings and nothing else: no start-up logging. */
    private static void quiet() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.setProperty("logging.level.root", "warn");
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("lint")) {
            quiet();
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
        if (args.length > 0 && args[0].equals("scenarios")) {
            quiet();
            System.exit(ScenariosCommand.run(Arrays.asList(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(IndgangApplication.class, args);
    }
}
