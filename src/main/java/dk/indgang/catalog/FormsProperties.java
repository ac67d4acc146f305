package dk.indgang.catalog;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the form definitions are, whether (and how often) the folder is re-read while running, and
 * whether example forms ({@code example: true}) are offered (on in development, off in production).
 */
@ConfigurationProperties("indgang.forms")
public record FormsProperties(
        @DefaultValue("forms") Path dir,
        @DefaultValue("true") boolean watch,
        @DefaultValue("5s") Duration reloadInterval,
        @DefaultValue("true") boolean examples) {}
