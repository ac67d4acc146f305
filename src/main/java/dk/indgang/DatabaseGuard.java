package dk.indgang;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production runs on PostgreSQL: the embedded H2 is for a laptop and the tests. A production start
 * on H2 (a forgotten {@code postgres} profile or datasource URL) stops at once with the reason,
 * instead of quietly keeping citizens' applications in a local file.
 */
@Component
@Profile("prod")
class DatabaseGuard {

    DatabaseGuard(@Value("${spring.datasource.url:}") String url) {
        refuseEmbedded(url);
    }

    static void refuseEmbedded(String url) {
        if (url == null || url.isBlank() || url.startsWith("jdbc:h2:")) {
            throw new IllegalStateException(
                    "The prod profile refuses the embedded H2 database (" + (url == null ? "" : url.split(";")[0])
                            + "). Run with the postgres profile or set SPRING_DATASOURCE_URL to PostgreSQL.");
        }
    }
}
