/**
 * The national registers behind the engine's {@link dk.indgang.engine.Registers} port: CPR
 * (persons, addresses, households), eIndkomst (income) and BBR (dwellings). Each register has an
 * HTTP adapter on Spring's RestClient, wrapped in Resilience4j (time limit, retry with backoff,
 * circuit breaker, bulkhead) and a short-lived Caffeine cache; every lookup is published for the
 * audit log. In the default run an embedded WireMock serves the stubs in {@code stubs/}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"definition", "engine"})
package dk.indgang.registers;
