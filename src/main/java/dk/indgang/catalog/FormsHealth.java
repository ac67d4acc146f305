package dk.indgang.catalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/forms}: OUT_OF_SERVICE while the forms folder's first load runs (the
 * start does not wait for it; a balancer's health check does), DOWN if it failed, then UP with the
 * number of forms served and the problems of files that did not load.
 */
@Component("formsHealthIndicator")
class FormsHealth implements HealthIndicator {

    private final FormCatalog catalog;

    FormsHealth(FormCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Health health() {
        return switch (catalog.firstLoadState()) {
            case NOT_BEGUN, RUNNING ->
                Health.outOfService().withDetail("forms", "loading").build();
            case FAILED ->
                Health.down().withDetail("forms", "could not be loaded").build();
            case DONE ->
                Health.up()
                        .withDetail("served", catalog.all().size())
                        .withDetail("problems", catalog.problems().size())
                        .build();
        };
    }
}
