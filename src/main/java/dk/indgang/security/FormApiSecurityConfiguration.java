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
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
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
     * @param audience the {@code aud} a token must carry to open this API: a token the same broker
     *     minted for another service is refused; required in production
     * @param devKeyFile the dev mode only: a JWK file with the RSA key that signs and checks dev
     *     tokens, so that several instances in the dev mode (the load kit's, behind one balancer)
     *     accept each other's tokens; empty: a key made at start-up, never stored
     */
    @ConfigurationProperties("indgang.form-api")
    record FormApiProperties(
            @DefaultValue("") String issuerUri,
            @DefaultValue("cpr") String cprClaim,
            @DefaultValue("") String audience,
            @DefaultValue("") String devKeyFile) {}

    /** The audience of the dev mode's own tokens. */
    static final String DEV_AUDIENCE = "indgang-form-api";

    /**
     * What a token must satisfy besides its signature: not expired by the service's clock, from the
     * configured issuer (production), and for this API ({@code aud}). Production without an audience
     * does not start: it would accept any token the broker mints for anyone.
     */
    static OAuth2TokenValidator<Jwt> validator(
            SecurityProperties.Mode mode, FormApiProperties properties, Clock clock) {
        var timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock);
        var audience = mode == SecurityProperties.Mode.DEV ? DEV_AUDIENCE : properties.audience();
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException(
                    "indgang.form-api.audience is not set: the form API would accept tokens minted for other services."
                            + " Set it to the audience the identity provider puts in tokens for this API.");
        }
        var forThisApi = new JwtClaimValidator<java.util.Collection<String>>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience));
        return mode == SecurityProperties.Mode.DEV
                ? new DelegatingOAuth2TokenValidator<>(timestamps, forThisApi)
                : new DelegatingOAuth2TokenValidator<>(
                        timestamps, new JwtIssuerValidator(properties.issuerUri()), forThisApi);
    }

    @Bean
    @Order(0)
    SecurityFilterChain formApi(
            HttpSecurity http, SecurityProperties security, FormApiProperties properties, DevKey devKey, Clock clock)
            throws Exception {
        var validator = validator(security.mode(), properties, clock);
        org.springframework.security.oauth2.jwt.JwtDecoder decoder;
        if (security.mode() == SecurityProperties.Mode.DEV) {
            // the dev key may still be in the making: the decoder follows from it, used at the first token
            var dev = devKey.made().thenApply(key -> {
                try {
                    var built =
                            NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
                    built.setJwtValidator(validator);
                    return built;
                } catch (com.nimbusds.jose.JOSEException e) {
                    throw new IllegalStateException("The dev key has no public RSA key", e);
                }
            });
            decoder = token -> dev.join().decode(token);
        } else {
            var issued = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
            issued.setJwtValidator(validator);
            decoder = issued;
        }
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

    /**
     * The dev mode's signing key: made at start-up and never stored, or read from a shared file.
     * Making a 2048-bit RSA key takes a noticeable part of a start, so it is made on a thread of its
     * own; the first token to sign or check waits for it.
     */
    record DevKey(java.util.concurrent.CompletableFuture<RSAKey> made) {

        DevKey(RSAKey key) {
            this(java.util.concurrent.CompletableFuture.completedFuture(key));
        }

        RSAKey key() {
            return made.join();
        }
    }

    @Bean
    DevKey devKey(FormApiProperties properties) throws Exception {
        if (!properties.devKeyFile().isBlank()) {
            var file = java.nio.file.Path.of(properties.devKeyFile());
            try {
                return new DevKey(RSAKey.parse(java.nio.file.Files.readString(file)));
            } catch (java.io.IOException | java.text.ParseException e) {
                throw new IllegalStateException(
                        "indgang.form-api.dev-key-file " + file + " is not a readable RSA JWK: " + e.getMessage(), e);
            }
        }
        return new DevKey(java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new RSAKeyGenerator(2048)
                                .keyID(UUID.randomUUID().toString())
                                .generate();
                    } catch (com.nimbusds.jose.JOSEException e) {
                        throw new IllegalStateException("No RSA key for dev tokens", e);
                    }
                },
                task -> Thread.ofPlatform().name("dev-key").daemon().start(task)));
    }

    @Bean
    DevTokens devTokens(SecurityProperties security, DevKey devKey, Clock clock) {
        // the key is asked for at the first token, so the start does not wait for it to be made
        var encoder = new NimbusJwtEncoder(
                (selector, context) -> selector.select(new com.nimbusds.jose.jwk.JWKSet(devKey.key())));
        return cpr -> {
            if (security.mode() != SecurityProperties.Mode.DEV) {
                throw new IllegalStateException("Dev tokens exist only in the dev mode");
            }
            var now = clock.instant();
            var claims = JwtClaimsSet.builder()
                    .issuer("indgang-dev")
                    .subject(cpr)
                    .claim("cpr", cpr)
                    .audience(List.of(DEV_AUDIENCE))
                    .issuedAt(now)
                    .expiresAt(now.plus(Duration.ofHours(1)))
                    .build();
            return encoder.encode(JwtEncoderParameters.from(claims)).getTokenValue();
        };
    }
}
