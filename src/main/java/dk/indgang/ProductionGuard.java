package dk.indgang;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Production runs on PostgreSQL against the real registers and national services: what the default
 * run simulates (the embedded H2, WireMock's CPR, eIndkomst and BBR, the simulated Digital Post and
 * case index) is for a laptop and the tests. A production start that would use any of them — a
 * forgotten {@code postgres} profile, register stubs left on, a Serviceplatformen URL not set, a
 * public address that is not https — stops at once and says everything that is missing, instead
 * of quietly keeping applications in a local file, showing citizens made-up register data, or
 * piling letters up for no one.
 */
@Component
@Profile("prod")
class ProductionGuard {

    ProductionGuard(Environment environment) {
        var problems = problems(environment::getProperty);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start: " + String.join("; ", problems) + ".");
        }
    }

    /** What production lacks, each with what to set; empty when it may start. */
    static List<String> problems(Function<String, String> property) {
        var problems = new ArrayList<String>();
        var url = property.apply("spring.datasource.url");
        if (blank(url) || url.startsWith("jdbc:h2:")) {
            problems.add("the embedded H2 database (" + (url == null ? "" : url.split(";")[0])
                    + ") — run with the postgres profile or set SPRING_DATASOURCE_URL to PostgreSQL");
        }
        var stubs = property.apply("indgang.registers.stubs.enabled");
        if (stubs == null || Boolean.parseBoolean(stubs.trim())) {
            problems.add("the simulated registers — set indgang.registers.stubs.enabled=false and each"
                    + " register's base-url (docs/registers.md)");
        }
        if (blank(property.apply("indgang.delivery.digital-post-url"))) {
            problems.add("the simulated Digital Post — set indgang.delivery.digital-post-url to"
                    + " Serviceplatformen (docs/national-services.md)");
        }
        if (blank(property.apply("indgang.case-index.url"))) {
            problems.add("the simulated case index behind Mit Overblik — set indgang.case-index.url to"
                    + " Serviceplatformen (docs/national-services.md)");
        }
        var publicUrl = property.apply("indgang.public-url");
        if (blank(publicUrl) || !publicUrl.startsWith("https://") || publicUrl.contains("://localhost")) {
            problems.add("a public URL citizens cannot reach (" + (publicUrl == null ? "" : publicUrl)
                    + ") — set INDGANG_PUBLIC_URL to the https address of this service; letters link to it");
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
