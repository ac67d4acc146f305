package dk.indgang.submission.api;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.security.DevTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The dev token endpoint exists only in the dev mode: in production there is no route and no API doc. */
class DevTokenControllerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(DevTokenController.class)
            .withBean(DevTokens.class, () -> cpr -> "token");

    @Test
    void existsInTheDevModeOnly() {
        runner.run(context -> assertThat(context).hasSingleBean(DevTokenController.class));
        runner.withPropertyValues("indgang.security.mode=dev")
                .run(context -> assertThat(context).hasSingleBean(DevTokenController.class));
        runner.withPropertyValues("indgang.security.mode=oidc")
                .run(context -> assertThat(context).doesNotHaveBean(DevTokenController.class));
    }
}
