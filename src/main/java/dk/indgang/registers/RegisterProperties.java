package dk.indgang.registers;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the registers are and how to reach them. With {@code stubs.enabled} (the default run) an
 * embedded WireMock serves {@code stubs/} and every register whose {@code base-url} is blank points
 * at it. In production: stubs off, and each register's base URL, credentials and mTLS set here.
 *
 * @param lookupsPerUserPerMinute live lookups one person (citizen or caseworker) may make a minute,
 *     so a session cannot sweep the registers
 * @param cpr CPR's person lookup, SF1520 PersonBaseDataExtended on Serviceplatformen: its base URL
 *     (e.g. {@code https://prod.serviceplatformen.dk}; {@code /service/CPR/PersonBaseDataExtended/5}
 *     is appended)
 * @param cprAddresses the municipality's CPR address list (who is registered at an address), e.g.
 *     {@code https://cpr.example.dk/cpr/v1} ({@code /personliste} is appended)
 * @param cprInvocationContext SF1520's invocation context (the service agreement's UUIDs from
 *     Serviceplatformen's administration module); blank: not sent
 * @param systemActors Indgang's own technical users, limited per actor by
 *     {@code lookupsPerSystemActorPerMinute} instead — they act for many citizens; the registers'
 *     own protection (time limit, circuit breaker) applies to all
 * @param cprComparisonsPerUser typed CPR numbers one user may have compared with other persons'
 *     register data (a rule such as "is this person registered at my address?") per
 *     {@code cprComparisonPeriod}
 */
@ConfigurationProperties("indgang.registers")
public record RegisterProperties(
        @DefaultValue Stubs stubs,
        @DefaultValue Endpoint cpr,
        @DefaultValue Endpoint cprAddresses,
        @DefaultValue InvocationContext cprInvocationContext,
        @DefaultValue Endpoint eindkomst,
        @DefaultValue Endpoint bbr,
        @DefaultValue Endpoint dar,
        @DefaultValue("120") int lookupsPerUserPerMinute,
        @DefaultValue("indgang-outbox") java.util.Set<String> systemActors,
        @DefaultValue("6000") int lookupsPerSystemActorPerMinute,
        @DefaultValue("20") int cprComparisonsPerUser,
        @DefaultValue("10m") Duration cprComparisonPeriod) {

    /**
     * @param port 0 picks a free port
     * @param journal keep WireMock's request journal (tests count requests with it)
     */
    public record Stubs(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("stubs") Path dir,
            @DefaultValue("0") int port,
            @DefaultValue("false") boolean journal) {}

    /**
     * @param baseUrl the register's root, e.g. {@code https://cpr.example.dk/cpr/v1}; blank: the stub
     * @param cacheTtl how long an answer is reused; short, registers change
     * @param auth how requests authenticate: {@code none}, {@code basic} or {@code bearer}
     * @param sslBundle a Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) with the client
     *     certificate and trust for mTLS; blank: the JVM's defaults
     */
    public record Endpoint(
            @DefaultValue("") String baseUrl,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("3s") Duration readTimeout,
            @DefaultValue("5m") Duration cacheTtl,
            @DefaultValue("10000") long cacheSize,
            @DefaultValue Auth auth,
            @DefaultValue("") String sslBundle) {}

    /** Who calls, under which service agreement: SF1520's {@code InvocationContext}. */
    public record InvocationContext(
            @DefaultValue("") String serviceAgreementUuid,
            @DefaultValue("") String userSystemUuid,
            @DefaultValue("") String userUuid,
            @DefaultValue("") String serviceUuid) {

        public boolean isSet() {
            return !serviceAgreementUuid.isBlank();
        }
    }

    public record Auth(
            @DefaultValue("none") String type,
            @DefaultValue("") String username,
            @DefaultValue("") String password,
            @DefaultValue("") String token) {}
}
