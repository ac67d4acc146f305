package dk.indgang.registers;

import dk.indgang.registers.bbr.BbrClient;
import dk.indgang.registers.cpr.CprClient;
import dk.indgang.registers.dar.DarClient;
import dk.indgang.registers.eindkomst.EindkomstClient;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires each register: base URL (or the stub), HTTP client with timeouts, auth and mTLS, resilience, cache. */
@Configuration(proxyBeanMethods = false)
class RegistersConfiguration {

    @Bean(destroyMethod = "destroy")
    @ConditionalOnProperty(name = "indgang.registers.stubs.enabled", havingValue = "true", matchIfMissing = true)
    StubRegisters stubRegisters(RegisterProperties properties, java.time.Clock clock) {
        return new StubRegisters(properties.stubs(), clock);
    }

    /**
     * The simulated registers start once the application is ready (in the background: the first
     * lookup finds them listening), or earlier if something calls them.
     */
    @Bean
    org.springframework.context.ApplicationListener<org.springframework.boot.context.event.ApplicationReadyEvent>
            stubRegistersAfterStart(ObjectProvider<StubRegisters> stubs) {
        return event -> stubs.ifAvailable(StubRegisters::start);
    }

    /** The simulated Beskedfordeler delivers receipts to this instance once it listens (not in mock web tests). */
    @Bean
    org.springframework.context.ApplicationListener<
                    org.springframework.boot.web.server.context.WebServerInitializedEvent>
            stubReceiptCallback(
                    ObjectProvider<StubRegisters> stubs,
                    @org.springframework.beans.factory.annotation.Value(
                                    "${indgang.beskedfordeler.keys.dev-beskedfordeler:}")
                            String key) {
        return event -> {
            var stub = stubs.getIfAvailable();
            if (stub != null && event.getApplicationContext().getServerNamespace() == null) {
                stub.callback("http://127.0.0.1:" + event.getWebServer().getPort(), key);
            }
        };
    }

    @Bean(destroyMethod = "close")
    ExecutorService registerExecutor() {
        return Executors.newVirtualThreadPerTaskExecutor();
    }

    @Bean
    RegistersAdapter registers(
            RegisterProperties properties,
            ObjectProvider<StubRegisters> stubs,
            RestClient.Builder builder,
            ObjectProvider<SslBundles> sslBundles,
            JsonMapper json,
            Clock clock,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            TimeLimiterRegistry timeLimiters,
            BulkheadRegistry bulkheads,
            ExecutorService registerExecutor,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            ObjectProvider<SharedAllowances> shared) {
        return adapter(
                properties,
                stubs,
                builder,
                sslBundles,
                json,
                clock,
                new RegisterCall.Resilience(bulkheads, retries, breakers, timeLimiters),
                registerExecutor,
                events,
                meters,
                shared.getIfAvailable());
    }

    private static RegistersAdapter adapter(
            RegisterProperties properties,
            ObjectProvider<StubRegisters> stubs,
            RestClient.Builder builder,
            ObjectProvider<SslBundles> sslBundles,
            JsonMapper json,
            Clock clock,
            RegisterCall.Resilience resilience,
            ExecutorService registerExecutor,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            SharedAllowances shared) {
        var stub = stubs.getIfAvailable();
        var cprHttp = client(builder, properties.cpr(), stub, "/cpr", CprClient.ID, sslBundles);
        var cprAddressesHttp = client(builder, properties.cprAddresses(), stub, "/cpr/v1", "cpr-addresses", sslBundles);
        var eindkomstHttp =
                client(builder, properties.eindkomst(), stub, "/eindkomst/v1", EindkomstClient.ID, sslBundles);
        var bbrHttp = client(builder, properties.bbr(), stub, "/BBR/BBRPublic/1/rest", BbrClient.ID, sslBundles);
        var darHttp = client(builder, properties.dar(), stub, "/dar", DarClient.ID, sslBundles);
        return new RegistersAdapter(
                new CprClient(cprHttp, cprAddressesHttp, properties.cprInvocationContext(), json, clock),
                new EindkomstClient(eindkomstHttp, json, clock),
                new BbrClient(bbrHttp, json, clock),
                new DarClient(darHttp, json, clock),
                new RegisterCall(CprClient.ID, properties.cpr(), resilience, registerExecutor, events, clock, meters),
                new RegisterCall(
                        EindkomstClient.ID,
                        properties.eindkomst(),
                        resilience,
                        registerExecutor,
                        events,
                        clock,
                        meters),
                new RegisterCall(BbrClient.ID, properties.bbr(), resilience, registerExecutor, events, clock, meters),
                new RegisterCall(DarClient.ID, properties.dar(), resilience, registerExecutor, events, clock, meters),
                shared(
                        new UserRateLimits(
                                properties.lookupsPerUserPerMinute(),
                                properties.systemActors(),
                                properties.lookupsPerSystemActorPerMinute(),
                                clock),
                        "lookups",
                        shared),
                shared(
                        new UserRateLimits(properties.cprComparisonsPerUser(), properties.cprComparisonPeriod(), clock),
                        "cpr-comparisons",
                        shared),
                events,
                clock);
    }

    private static UserRateLimits shared(UserRateLimits limits, String name, SharedAllowances shared) {
        return shared == null ? limits : limits.sharedAs(name, shared);
    }

    /**
     * On PostgreSQL — production, and several instances — the per-user allowances are counted in the
     * database, so they hold across instances; on the embedded H2 of the default run, in memory.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "'${spring.datasource.url:}'.startsWith('jdbc:postgresql')")
    SharedAllowances sharedAllowances(javax.sql.DataSource dataSource) {
        return new SharedAllowances(dataSource);
    }

    /**
     * Stub-only registers for the designer: only when every register is served by the embedded stubs.
     * Their own adapters, circuit breakers, retries, time limits, bulkheads, caches and metrics (same
     * settings): a designer's scenario with a fault person must never open a breaker citizens meet,
     * nor leave a cached answer or a figure in the service's metrics.
     */
    @Bean
    PreviewRegisters previewRegisters(
            RegisterProperties properties,
            ObjectProvider<StubRegisters> stubs,
            RegistersAdapter registers,
            CircuitBreakerRegistry breakers,
            RetryRegistry retries,
            TimeLimiterRegistry timeLimiters,
            BulkheadRegistry bulkheads,
            ExecutorService registerExecutor) {
        var allStubbed = stubs.getIfAvailable() != null
                && java.util.stream.Stream.of(
                                properties.cpr(), properties.eindkomst(), properties.bbr(), properties.dar())
                        .allMatch(endpoint -> endpoint.baseUrl().isBlank());
        if (!allStubbed) {
            return new PreviewRegisters(null);
        }
        var own = new RegisterCall.Resilience(
                BulkheadRegistry.of(bulkheads.getDefaultConfig()),
                RetryRegistry.of(retries.getDefaultConfig()),
                CircuitBreakerRegistry.of(breakers.getDefaultConfig()),
                TimeLimiterRegistry.of(timeLimiters.getDefaultConfig()));
        return new PreviewRegisters(registers.isolated(
                properties, own, registerExecutor, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    /** The engine's lookup runner over this module's registers (the views use it, never an adapter). */
    @Bean
    dk.indgang.engine.LookupRunner lookupRunner(RegistersAdapter registers, Clock clock) {
        return new dk.indgang.engine.LookupRunner(registers, clock);
    }

    private static RestClient client(
            RestClient.Builder builder,
            RegisterProperties.Endpoint endpoint,
            StubRegisters stub,
            String stubPath,
            String register,
            ObjectProvider<SslBundles> sslBundles) {
        boolean simulated = endpoint.baseUrl().isBlank() && stub != null;
        var baseUrl =
                endpoint.baseUrl().isBlank() ? stub == null ? null : stub.baseUrl() + stubPath : endpoint.baseUrl();
        if (baseUrl == null) {
            throw new IllegalStateException(
                    "indgang.registers." + register + ".base-url is not set and the register stubs are off");
        }
        // HTTP/1.1, as the delivery clients: over plain HTTP the JDK client otherwise asks to upgrade
        // the first request to HTTP/2 (h2c), and the simulated registers' Jetty then mishandles POST
        // bodies on the upgraded connection — a SOAP answer from CPR arrived unreadable now and then
        // (wiremock/wiremock#2585, #3577)
        var http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(endpoint.connectTimeout());
        if (!endpoint.sslBundle().isBlank()) {
            var bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException(
                        "indgang.registers." + register + ".ssl-bundle is set but no spring.ssl.bundle is configured");
            }
            http.sslContext(bundles.getBundle(endpoint.sslBundle()).createSslContext());
        }
        var factory = new JdkClientHttpRequestFactory(http.build());
        factory.setReadTimeout(endpoint.readTimeout());
        var client = builder.clone()
                .baseUrl(baseUrl)
                .requestFactory(factory)
                .defaultHeaders(headers -> authenticate(headers, endpoint.auth()));
        if (simulated) {
            client.requestInterceptor(stub.waitingForStart());
        }
        return client.build();
    }

    private static void authenticate(HttpHeaders headers, RegisterProperties.Auth auth) {
        switch (auth.type()) {
            case "basic" ->
                headers.set(
                        HttpHeaders.AUTHORIZATION,
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((auth.username() + ":" + auth.password())
                                                .getBytes(StandardCharsets.UTF_8)));
            case "bearer" -> headers.setBearerAuth(auth.token());
            case "none" -> {}
            default ->
                throw new IllegalStateException("Unknown register auth type " + auth.type() + " (none, basic, bearer)");
        }
    }

    /** {@code /actuator/health/registers}: each register with its circuit breaker state and cache figures. */
    @Bean
    CompositeHealthContributor registersHealthContributor(RegistersAdapter registers) {
        var indicators = new LinkedHashMap<String, HealthIndicator>();
        for (var call : registers.calls()) {
            indicators.put(call.register(), () -> {
                var state = call.breaker().getState();
                var builder =
                        switch (state) {
                            case OPEN, FORCED_OPEN -> Health.status("DEGRADED");
                            default -> Health.up();
                        };
                var stats = call.cache().stats();
                return builder.withDetail("circuitBreaker", state.name())
                        .withDetail("failureRate", call.breaker().getMetrics().getFailureRate())
                        .withDetail("cacheSize", call.cache().estimatedSize())
                        .withDetail("cacheHitRate", stats.hitRate())
                        .build();
            });
        }
        return CompositeHealthContributor.fromMap(indicators);
    }
}
