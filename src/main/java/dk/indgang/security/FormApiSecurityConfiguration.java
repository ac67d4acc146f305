package dk.indgang.security;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * The headless form API ({@code /api/forms/v1}) for other channels: stateless, a bearer JWT whose
 * CPR claim identifies the citizen. In production the JWT comes from the same identity provider as
 * the web login ({@code indgang.form-api.issuer-uri}); in the dev mode a test person gets one from
 * {@code POST /api/forms/v1/dev/token}, signed by a key made at start-up.
 */
@Configuration(proxyBeanMethods = false)
class FormApiSecurityConfiguration {

    /**
     * @param issuerUri the identity provider that issues tokens (production)
     * @param cprClaim the claim with the citizen's CPR number
     */
    @ConfigurationProperties("indgang.form-api")
    record FormApiProperties(
            @DefaultValue("") String issuerUri,
            @DefaultValue("cpr") String cprClaim) {}

    @Bean
    @Order(0)
    SecurityFilterChain formApi(
            HttpSecurity http, SecurityProperties security, FormApiProperties properties, DevKey devKey, Clock clock)
            throws Exception {
        NimbusJwtDecoder decoder = security.mode() == SecurityProperties.Mode.DEV
                ? NimbusJwtDecoder.withPublicKey(devKey.key().toRSAPublicKey()).build()
                : JwtDecoders.fromIssuerLocation(properties.issuerUri());
        // Expiry is judged by the service's clock, the one that stamps the dev tokens and every record.
        var timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        decoder.setJwtValidator(
                security.mode() == SecurityProperties.Mode.DEV
                        ? timestamps
                        : new DelegatingOAuth2TokenValidator<>(
                                timestamps, new JwtIssuerValidator(properties.issuerUri())));
        var claim = security.mode() == SecurityProperties.Mode.DEV ? "cpr" : properties.cprClaim();
        return http.securityMatcher("/api/forms/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    if (security.mode() == SecurityProperties.Mode.DEV) {
                        auth.requestMatchers("/api/forms/v1/dev/token").permitAll();
                    }
                    auth.anyRequest().hasRole(Roles.CITIZEN);
                })
                .oauth2ResourceServer(
                        rs -> rs.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(j -> citizen(j, claim)))
                                .authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    private static AbstractAuthenticationToken citizen(Jwt jwt, String claim) {
        var cpr = jwt.getClaimAsString(claim);
        var authorities = cpr == null
                ? List.<SimpleGrantedAuthority>of()
                : List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CITIZEN));
        return new JwtAuthenticationToken(jwt, authorities, cpr == null ? jwt.getSubject() : cpr);
    }

    /** The dev mode's signing key, made at start-up and never stored. */
    record DevKey(RSAKey key) {}

    @Bean
    DevKey devKey() throws Exception {
        return new DevKey(
                new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate());
    }

    @Bean
    DevTokens devTokens(SecurityProperties security, DevKey devKey, Clock clock) {
        var encoder = new NimbusJwtEncoder(
                new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(new com.nimbusds.jose.jwk.JWKSet(devKey.key())));
        return cpr -> {
            if (security.mode() != SecurityProperties.Mode.DEV) {
                throw new IllegalStateException("Dev tokens exist only in the dev mode");
            }
            var now = clock.instant();
            var claims = JwtClaimsSet.builder()
                    .issuer("indgang-dev")
                    .subject(cpr)
                    .claim("cpr", cpr)
                    .issuedAt(now)
                    .expiresAt(now.plus(Duration.ofHours(1)))
                    .build();
            return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
        };
    }
}
