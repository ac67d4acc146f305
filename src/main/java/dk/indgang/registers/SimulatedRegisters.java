package dk.indgang.registers;

import dk.indgang.engine.Registers;
import java.time.Clock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The registers of the default run on their own, for the command line ({@code scenarios}): the
 * embedded WireMock over {@code stubs/} and the same adapters, resilience and caches the service
 * uses — in a small context that serves nothing, with no web server, no views and no workers.
 * Lookups are not written to an audit log: they are of the stubs' fictitious test persons.
 */
public final class SimulatedRegisters {

    private SimulatedRegisters() {}

    /**
     * Starts them; closing the context stops them.
     *
     * @param clock the service's clock
     * @param properties Spring properties ({@code key=value}) on top of the application's
     */
    public static Started start(Clock clock, String... properties) {
        var context = new SpringApplicationBuilder(Configuration.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.main.banner-mode=off",
                        "spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration,"
                                + "com.vaadin.flow.spring.VaadinScopesConfig")
                .properties(properties)
                .run();
        return new Started(context, context.getBean(Registers.class));
    }

    /** The running registers and the context to close. */
    public record Started(ConfigurableApplicationContext context, Registers registers) {}

    // Not a @SpringBootConfiguration nor a @Configuration: the tests' search for the application's
    // configuration and the application's component scan must never find it.
    @EnableAutoConfiguration
    @EnableConfigurationProperties(RegisterProperties.class)
    @Import(RegistersConfiguration.class)
    static class Configuration {}
}
