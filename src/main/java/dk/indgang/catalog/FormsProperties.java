package dk.indgang.catalog;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the form definitions are, whether (and how often) the folder is re-read while running, and
 * whether example forms ({@code example: true}) are offered (on in development, off in production),
 * and whether versions another instance served from the shared database are taken up at each reload
 * ({@code adopt-published}: on; off in tests, whose contexts share one in-memory database but not
 * their forms).
 */
@ConfigurationProperties("indgang.forms")
public record FormsProperties(
        @DefaultValue("forms") Path dir,
        @DefaultValue("true") boolean watch,
        @DefaultValue("5s") Duration reloadInterval,
        @DefaultValue("true") boolean examples,
        @DefaultValue("true") boolean adoptPublished) {}
