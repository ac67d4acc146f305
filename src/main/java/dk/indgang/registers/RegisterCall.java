package dk.indgang.registers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.indgang.engine.CprNumber;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupResult;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * One register's way of answering: from the cache if fresh, else through bulkhead → retry →
 * circuit breaker → time limit → HTTP. Whatever happens the caller gets an outcome, never an
 * exception, and the lookup is published for the audit log and timed for the metrics.
 */
final class RegisterCall {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterCall.class);

    private final String register;
    private final Cache<String, LookupResult<?>> cache;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final ExecutorService executor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    RegisterCall(
            String register,
            RegisterProperties.Endpoint endpoint,
            Resilience resilience,
            ExecutorService executor,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.register = register;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(endpoint.cacheTtl())
                .maximumSize(endpoint.cacheSize())
                .recordStats()
                .build();
        this.bulkhead = resilience.bulkheads().bulkhead(register);
        this.retry = resilience.retries().retry(register);
        this.breaker = resilience.breakers().circuitBreaker(register);
        this.timeLimiter = resilience.timeLimiters().timeLimiter(register);
        this.executor = executor;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        CaffeineCacheMetrics.monitor(meters, cache, "register." + register);
    }

    /** The Resilience4j registries, configured under {@code resilience4j.*.instances.<register>}. */
    record Resilience(
            io.github.resilience4j.bulkhead.BulkheadRegistry bulkheads,
            io.github.resilience4j.retry.RetryRegistry retries,
            io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers,
            io.github.resilience4j.timelimiter.TimeLimiterRegistry timeLimiters) {}

    String register() {
        return register;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Cache<String, LookupResult<?>> cache() {
        return cache;
    }

    /**
     * @param service the register operation, for the audit log
     * @param cacheKey identifies the question; equal questions share one cached answer
     * @param subjectKey whose data it is (a CPR number or an address id), for the audit log
     */
    @SuppressWarnings("unchecked")
    <T> LookupResult<T> lookup(
            String service,
            String cacheKey,
            String subjectKey,
            LookupContext context,
            Supplier<LookupResult<T>> fetch) {
        var started = System.nanoTime();
        var cached = (LookupResult<T>) cache.getIfPresent(cacheKey);
        if (cached != null) {
            finish(service, subjectKey, context, cached, true, started);
            return cached;
        }
        LookupResult<T> result;
        try {
            Supplier<LookupResult<T>> limited = () -> withinTimeLimit(fetch);
            var guarded = CircuitBreaker.decorateSupplier(breaker, limited);
            var retried = Retry.decorateSupplier(retry, guarded);
            result = Bulkhead.decorateSupplier(bulkhead, retried).get();
            if (!result.isUnavailable()) {
                cache.put(cacheKey, result);
            }
        } catch (CallNotPermittedException e) {
            result = LookupResult.unavailable(register, clock.instant(), "circuit breaker open");
        } catch (BulkheadFullException e) {
            result = LookupResult.unavailable(register, clock.instant(), "too many concurrent lookups");
        } catch (RegisterFailure e) {
            result = LookupResult.unavailable(register, clock.instant(), e.getMessage());
        }
        finish(service, subjectKey, context, result, false, started);
        return result;
    }

    private <T> LookupResult<T> withinTimeLimit(Supplier<LookupResult<T>> fetch) {
        try {
            return timeLimiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(fetch, executor));
        } catch (TimeoutException e) {
            throw new RetryableRegisterFailure(
                    "no answer within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration(), e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RegisterFailure failure
                    ? failure
                    : new RegisterFailure(String.valueOf(e.getCause()), e);
        } catch (RegisterFailure e) {
            throw e;
        } catch (Exception e) {
            throw new RegisterFailure(e.toString(), e);
        }
    }

    private void finish(
            String service,
            String subjectKey,
            LookupContext context,
            LookupResult<?> result,
            boolean fromCache,
            long started) {
        var nanos = System.nanoTime() - started;
        Timer.builder("indgang.register.lookup")
                .description("Register lookups as the service sees them (cache, resilience and HTTP)")
                .tag("register", register)
                .tag("outcome", result.outcome().name())
                .tag("cache", fromCache ? "hit" : "miss")
                .register(meters)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (result.isUnavailable()) {
            LOG.warn("Register {} unavailable for {}: {}", register, masked(subjectKey), result.detail());
        }
        events.publishEvent(new RegisterLookupPerformed(
                context.actor(),
                context.onBehalfOfCpr(),
                subjectKey,
                register,
                service,
                context.purpose(),
                context.reference(),
                result.outcome(),
                fromCache,
                nanos / 1_000_000,
                clock.instant()));
    }

    /** CPR numbers in logs show the birth date only; other keys (address ids) are not personal. */
    static String masked(String key) {
        return key != null && key.matches("\\d{6}-?\\d{4}") ? CprNumber.mask(key) : key;
    }
}
