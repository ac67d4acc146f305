package dk.indgang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indgang.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a form-API token must carry besides its signature: time, issuer (production) and audience. */
class FormApiTokensTest {

    private static final FormApiSecurityConfiguration.FormApiProperties PRODUCTION =
            new FormApiSecurityConfiguration.FormApiProperties("https://idp.example.dk", "cpr", "indgang-form-api", "");

    private static Jwt token(String issuer, List<String> audience) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer(issuer)
                .audience(audience)
                .claim("cpr", "1503889984")
                .issuedAt(TestClock.NOW)
                .expiresAt(TestClock.NOW.plus(Duration.ofMinutes(5)))
                .build();
    }

    @Test
    void productionAcceptsOnlyTokensMintedForThisApiByItsIssuer() {
        var validator =
                FormApiSecurityConfiguration.validator(SecurityProperties.Mode.OIDC, PRODUCTION, TestClock.CLOCK);
        assertThat(validator
                        .validate(token("https://idp.example.dk", List.of("indgang-form-api")))
                        .hasErrors())
                .isFalse();
        assertThat(validator
                        .validate(token("https://idp.example.dk", List.of("another-service")))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token("https://idp.example.dk", List.of()))
                        .hasErrors())
                .isTrue();
        assertThat(validator
                        .validate(token("https://other-idp.example.dk", List.of("indgang-form-api")))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void productionWithoutAnAudienceDoesNotStart() {
        var open = new FormApiSecurityConfiguration.FormApiProperties("https://idp.example.dk", "cpr", "", "");
        assertThatThrownBy(() ->
                        FormApiSecurityConfiguration.validator(SecurityProperties.Mode.OIDC, open, TestClock.CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("indgang.form-api.audience");
    }

    @Test
    void theDevModeChecksTheAudienceOfItsOwnTokensToo() {
        var validator =
                FormApiSecurityConfiguration.validator(SecurityProperties.Mode.DEV, PRODUCTION, TestClock.CLOCK);
        assertThat(validator
                        .validate(token("indgang-dev", List.of(FormApiSecurityConfiguration.DEV_AUDIENCE)))
                        .hasErrors())
                .isFalse();
        assertThat(validator
                        .validate(token("indgang-dev", List.of("another-service")))
                        .hasErrors())
                .isTrue();
    }

    @Test
    void devInstancesGivenOneKeyFileShareTheirKeyAndABadFileStopsTheStart() throws Exception {
        var configuration = new FormApiSecurityConfiguration();
        var dir = java.nio.file.Files.createTempDirectory("dev-key");
        var file = dir.resolve("dev-key.jwk");
        var key = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                .keyID("shared")
                .generate();
        java.nio.file.Files.writeString(file, key.toJSONString());
        var shared = new FormApiSecurityConfiguration.FormApiProperties("", "cpr", "", file.toString());
        assertThat(configuration.devKey(shared).key())
                .isEqualTo(configuration.devKey(shared).key());
        assertThat(configuration.devKey(shared).key().toRSAPublicKey()).isEqualTo(key.toRSAPublicKey());

        var own = new FormApiSecurityConfiguration.FormApiProperties("", "cpr", "", "");
        assertThat(configuration.devKey(own).key().getKeyID())
                .isNotEqualTo(configuration.devKey(own).key().getKeyID());

        java.nio.file.Files.writeString(file, "{not a key");
        assertThatThrownBy(() -> configuration.devKey(shared))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("dev-key-file")
                .hasMessageContaining(file.toString());
    }
}
