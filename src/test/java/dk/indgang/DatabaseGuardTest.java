package dk.indgang;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Production does not start on the embedded database. */
class DatabaseGuardTest {

    @Test
    void refusesH2InProductionAndAcceptsPostgres() {
        assertThatThrownBy(
                        () -> DatabaseGuard.refuseEmbedded("jdbc:h2:file:./data/indgang;MODE=PostgreSQL;WRITE_DELAY=0"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgres profile");
        assertThatCode(() -> DatabaseGuard.refuseEmbedded("jdbc:postgresql://db:5432/indgang"))
                .doesNotThrowAnyException();
    }

    @Test
    void theGuardIsOnlyInTheProdProfile() {
        var runner = new ApplicationContextRunner()
                .withUserConfiguration(DatabaseGuard.class)
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:x");
        runner.run(
                context -> org.assertj.core.api.Assertions.assertThat(context).hasNotFailed());
        runner.withPropertyValues("spring.profiles.active=prod")
                .run(context ->
                        org.assertj.core.api.Assertions.assertThat(context).hasFailed());
    }
}
