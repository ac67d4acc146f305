package dk.indgang.submission;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The storage contract on PostgreSQL, with the same Flyway migrations. Runs when a PostgreSQL is
 * reachable (CI starts one: 127.0.0.1:5432, trust auth, database {@code test}); on CI it must be.
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIf("reachable")
class PostgresPersistenceIT extends PersistenceContract {

    static final String URL = dk.indgang.PostgresSchemas.URL;
    static final String SCHEMA = "indgang_it";

    static boolean reachable() {
        return dk.indgang.PostgresSchemas.fresh(SCHEMA);
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }
}
