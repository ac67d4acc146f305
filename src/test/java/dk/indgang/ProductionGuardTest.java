package dk.indgang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Production does not start on anything the default run simulates. */
class ProductionGuardTest {

    private static final Map<String, String> PRODUCTION = Map.of(
            "spring.datasource.url", "jdbc:postgresql://db:5432/indgang",
            "indgang.registers.stubs.enabled", "false",
            "indgang.delivery.digital-post-url", "https://prod.serviceplatformen.dk",
            "indgang.case-index.url", "https://prod.serviceplatformen.dk",
            "indgang.public-url", "https://selvbetjening.aarhus.dk");

    @Test
    void aProductionConfigurationPasses() {
        assertThat(ProductionGuard.problems(PRODUCTION::get)).isEmpty();
    }

    @Test
    void namesEverySimulatedPartAndWhatToSet() {
        assertThat(ProductionGuard.problems(Map.<String, String>of()::get))
                .hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("H2").contains("postgres profile"))
                .anySatisfy(p -> assertThat(p).contains("indgang.registers.stubs.enabled=false"))
                .anySatisfy(p -> assertThat(p).contains("indgang.delivery.digital-post-url"))
                .anySatisfy(p -> assertThat(p).contains("indgang.case-index.url"))
                .anySatisfy(p -> assertThat(p).contains("INDGANG_PUBLIC_URL"));
        var local = new java.util.HashMap<>(PRODUCTION);
        local.put("indgang.public-url", "http://localhost:8080");
        assertThat(ProductionGuard.problems(local::get))
                .singleElement()
                .asString()
                .contains("http://localhost:8080")
                .contains("letters link to it");
        var h2 = new java.util.HashMap<>(PRODUCTION);
        h2.put("spring.datasource.url", "jdbc:h2:file:./data/indgang;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(ProductionGuard.problems(h2::get))
                .singleElement()
                .asString()
                .contains("jdbc:h2:file:./data/indgang")
                .doesNotContain("WRITE_DELAY");
        var stubs = new java.util.HashMap<>(PRODUCTION);
        stubs.put("indgang.registers.stubs.enabled", "true");
        assertThat(ProductionGuard.problems(stubs::get))
                .singleElement()
                .asString()
                .contains("simulated registers");
    }

    @Test
    void theGuardIsOnlyInTheProdProfile() {
        var runner = new ApplicationContextRunner()
                .withUserConfiguration(ProductionGuard.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:x");
        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("spring.profiles.active=prod").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("The prod profile refuses to start"));
        runner.withPropertyValues(
                        "spring.profiles.active=prod",
                        "spring.datasource.url=" + PRODUCTION.get("spring.datasource.url"),
                        "indgang.registers.stubs.enabled=false",
                        "indgang.delivery.digital-post-url=https://prod.serviceplatformen.dk",
                        "indgang.case-index.url=https://prod.serviceplatformen.dk",
                        "indgang.public-url=https://selvbetjening.aarhus.dk")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
