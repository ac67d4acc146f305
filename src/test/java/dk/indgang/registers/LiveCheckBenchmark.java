package dk.indgang.registers;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.engine.Answers;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Load driver, not a test of speed: what a live check costs on the server beyond the register's
 * own latency. Run with {@code mvn -Pbench verify}; it prints a table and writes
 * {@code target/bench/live-check.txt}. Three measurements, each after a warm-up:
 *
 * <ol>
 *   <li>the stub itself: a plain HTTP GET of the person resource (WireMock + loopback + JDK client);
 *   <li>a live check on a cache miss: {@link LookupRunner#run} + {@link LookupRunner#apply} for the
 *       applicant's person lookup (resilience, HTTP, JSON mapping, audit insert, prefill);
 *   <li>the same on a cache hit.
 * </ol>
 */
@SpringBootTest(
        properties = {"indgang.registers.stubs.journal=false", "indgang.registers.lookups-per-user-per-minute=1000000"})
@ActiveProfiles("test")
class LiveCheckBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 1_000);
    private static final int ITERATIONS = Integer.getInteger("bench.iterations", 3_000);

    @Autowired
    RegistersAdapter registers;

    @Autowired
    StubRegisters stubs;

    @Autowired
    LookupRunner runner;

    @Autowired
    FormCatalog catalog;

    @Autowired
    Clock clock;

    @Test
    void measuresTheOverheadOfALiveCheckOverTheStubsOwnLatency() throws Exception {
        // the raw client goes straight to WireMock, which starts after the application: wait for it
        stubs.awaitStarted();
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(stubs.baseUrl() + "/cpr/service/CPR/PersonBaseDataExtended/5"))
                .header("Content-Type", "text/xml;charset=UTF-8")
                .header(
                        "SOAPAction",
                        "\"http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/5/PersonLookup\"")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                                + "<ns:PersonLookupRequest xmlns:ns=\"http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/5/\">"
                                + "<cpr:PNR xmlns:cpr=\"http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/\">1503889984</cpr:PNR>"
                                + "</ns:PersonLookupRequest></soap:Body></soap:Envelope>"))
                .build();
        var form = catalog.current("registre-test").orElseThrow();
        var personLookup = form.lookup("ansoeger").orElseThrow();
        var context = new LookupContext("bench", Persons.METTE, "Benchmark", "bench");

        LongSupplier stub = () -> time(() -> {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        });
        LongSupplier miss = () -> {
            registers.calls().forEach(c -> c.cache().invalidateAll());
            return liveCheck(form, personLookup, context);
        };
        LongSupplier hit = () -> liveCheck(form, personLookup, context);

        var stubNanos = run(stub);
        var missNanos = run(miss);
        var hitNanos = run(hit);

        var report = new StringBuilder();
        report.append(String.format(
                Locale.ROOT,
                "Live check (CPR person lookup + prefill), %d iterations after %d warm-up, %d cores, Java %s%n",
                ITERATIONS,
                WARMUP,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version()));
        report.append(String.format(Locale.ROOT, "%-34s %10s %10s %10s%n", "", "p50 µs", "p95 µs", "p99 µs"));
        report.append(line("stub alone (HTTP GET)", stubNanos));
        report.append(line("live check, cache miss", missNanos));
        report.append(line("live check, cache hit", hitNanos));
        report.append(String.format(
                Locale.ROOT,
                "server-side overhead on a miss (p50): %.0f µs%n",
                (percentile(missNanos, 50) - percentile(stubNanos, 50)) / 1000.0));
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/live-check.txt"), report);
        assertThat(missNanos).hasSize(ITERATIONS);
    }

    private long liveCheck(
            dk.indgang.definition.FormDefinition form, dk.indgang.definition.Lookup lookup, LookupContext context) {
        var session = new FormSession(form, new Answers(), clock);
        var due = new LookupRunner.Due(lookup, Persons.METTE, null);
        return time(() -> {
            var result = runner.run(due, context);
            runner.apply(session, due, result);
            assertThat(result.isFound()).isTrue();
        });
    }

    private static long[] run(LongSupplier measurement) {
        for (int i = 0; i < WARMUP; i++) {
            measurement.getAsLong();
        }
        var nanos = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            nanos[i] = measurement.getAsLong();
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long time(Work work) {
        var start = System.nanoTime();
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - start;
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String line(String name, long[] sorted) {
        return String.format(
                Locale.ROOT,
                "%-34s %10.0f %10.0f %10.0f%n",
                name,
                percentile(sorted, 50) / 1000.0,
                percentile(sorted, 95) / 1000.0,
                percentile(sorted, 99) / 1000.0);
    }
}
