package dk.indgang;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh schema on the PostgreSQL the tests use (the CI's, or 127.0.0.1:5432): for tests and
 * benchmarks that must run on PostgreSQL as production does. Off CI a missing server skips them;
 * on CI it is an error.
 */
public final class PostgresSchemas {

    public static final String URL =
            System.getProperty("indgang.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

    private PostgresSchemas() {}

    /** Drops and creates {@code schema}; false when there is no PostgreSQL here (never on CI). */
    public static boolean fresh(String schema) {
        try (var connection = DriverManager.getConnection(URL, "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
            statement.execute("create schema " + schema);
            return true;
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must provide PostgreSQL at " + URL, e);
            }
            return false;
        }
    }
}
