package dk.indgang.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * For the tests: a token signed by the dev mode's own key but minted for another service (another
 * {@code aud}), as a broker serving several services would — the form API must refuse it.
 */
public final class ForeignTokens {

    private ForeignTokens() {}

    public static String mint(ApplicationContext context, String cpr, String audience) {
        var key = context.getBean(FormApiSecurityConfiguration.DevKey.class).key();
        var encoder = new NimbusJwtEncoder(
                new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(new com.nimbusds.jose.jwk.JWKSet(key)));
        var now = context.getBean(Clock.class).instant();
        var claims = JwtClaimsSet.builder()
                .issuer("indgang-dev")
                .subject(cpr)
                .claim("cpr", cpr)
                .audience(List.of(audience))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(10)))
                .build();
        return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
    }
}
