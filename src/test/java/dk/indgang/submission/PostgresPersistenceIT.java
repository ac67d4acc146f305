package dk.indgang.submission;

import java.sql.DriverManager;
import java.sql.SQLException;
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

    static final String URL = System.getProperty("indgang.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String SCHEMA = "indgang_it";

    static boolean reachable() {
        try (var connection = DriverManager.getConnection(URL, "postgres", "")) {
            try (var statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
                statement.execute("create schema " + SCHEMA);
            }
            return true;
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide PostgreSQL at " + URL, e);
            }
            return false;
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
    }
}
