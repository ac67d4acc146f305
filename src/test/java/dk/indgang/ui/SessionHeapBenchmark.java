package dk.indgang.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Benchmark, not a timed test: the heap an open session costs, measured with real browsers. N
 * Chromium contexts (each its own cookie jar, so its own HTTP and Vaadin session) log in; the heap
 * is read after GC with all of them in a wizard step whose register lookups have answered, and again
 * after the server has ended their sessions; the difference is what the sessions hold (the test's
 * own browser driver holds the same on both sides). On PostgreSQL. {@code mvn -Pbench verify} prints KB per session and writes
 * {@code target/bench/session-heap.txt}. Target: ≤ 100 KB per open wizard (10,000 citizens per GiB).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // as the jar runs: in development mode Vaadin keeps where every component was created
        // (a stack trace per component, for its dev tools), which would be most of what is measured;
        // the production jar never does
        properties = "vaadin.devmode.componentTracker.enabled=false")
@ActiveProfiles("test")
class SessionHeapBenchmark extends BrowserFixtures {

    private static final int SESSIONS = Integer.getInteger("bench.sessions", 30);

    @LocalServerPort
    int port;

    /**
     * On PostgreSQL (as in production), not H2 in memory: an in-memory database's drafts and audit
     * rows would be counted as the sessions' heap.
     */
    @org.springframework.test.context.DynamicPropertySource
    static void postgres(org.springframework.test.context.DynamicPropertyRegistry registry) {
        var url = dk.indgang.PostgresSchemas.URL;
        if (!dk.indgang.PostgresSchemas.fresh("indgang_bench_heap")) {
            throw new IllegalStateException("The session benchmark runs on PostgreSQL at " + url);
        }
        registry.add("spring.datasource.url", () -> url + "?currentSchema=indgang_bench_heap");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> "indgang_bench_heap");
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /** The heap's classes by bytes (jcmd GC.class_histogram), written for a person to compare. */
    private static void histogram(String name) throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var text = (String) server.invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram",
                new Object[] {new String[0]},
                new String[] {String[].class.getName()});
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/session-heap-" + name + ".histo"), text);
        if (Boolean.getBoolean("bench.heapdump")) {
            // -Dbench.heapdump=true: the whole heap too, for a heap analyser (live objects only)
            var dump = Path.of("target/bench/session-heap-" + name + ".hprof").toAbsolutePath();
            Files.deleteIfExists(dump);
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .dumpHeap(dump.toString(), true);
        }
    }

    private BrowserContext login() {
        var context = browser.newContext();
        var page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.navigate("http://localhost:" + port + "/login");
        page.click("#login-1503889984");
        page.waitForURL("http://localhost:" + port + "/");
        assertThat(page.locator("#start-registre-test")).isVisible();
        return context;
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.boot.web.server.context.WebServerApplicationContext server;

    /**
     * Ends every HTTP session on the server (and with it the Vaadin session and its UIs), as a
     * timeout would; the browsers stay open, so what the test's own browser driver holds is
     * measured on both sides of the difference and drops out.
     */
    private void expireAllSessions() {
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat();
        for (var child : tomcat.getHost().findChildren()) {
            var manager = ((org.apache.catalina.Context) child).getManager();
            for (var session : manager.findSessions()) {
                session.expire();
            }
        }
    }

    @Test
    void measuresTheHeapOfAnOpenSession() throws Exception {
        // warm-up: the first sessions load classes and fill caches that every later one shares
        for (int i = 0; i < 3; i++) {
            var context = login();
            context.pages().getFirst().click("#start-registre-test");
            assertThat(context.pages().getFirst().locator("#field-navn input")).hasValue("Mette Fiktiv Testesen");
            context.close();
        }
        expireAllSessions();
        var contexts = new ArrayList<BrowserContext>();
        for (int i = 0; i < SESSIONS; i++) {
            contexts.add(login());
        }
        histogram("list");
        for (var context : contexts) {
            var page = context.pages().getFirst();
            page.click("#start-registre-test");
            // the lookups' answers arrive without a click (polling while they are out)
            assertThat(page.locator("#field-navn input")).hasValue("Mette Fiktiv Testesen");
        }
        Thread.sleep(1000);
        var inWizard = heapAfterGc();
        histogram("wizard");
        expireAllSessions();
        var without = heapAfterGc();
        histogram("expired");
        var perWizardKb = (inWizard - without) / 1024.0 / SESSIONS;
        var report = String.format(
                Locale.ROOT,
                "Heap per open wizard session, %d Chromium sessions, %d cores, Java %s, heap after GC:%n"
                        + "what ending the sessions frees (login, forms list, a wizard step with its lookups)%n"
                        + "%-30s %10.1f KB%n%-30s %10.0f%n",
                SESSIONS,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                "per open wizard session",
                perWizardKb,
                "open wizards per GiB",
                1024 * 1024 / Math.max(1.0, perWizardKb));
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/session-heap.txt"), report);
        List.copyOf(contexts).forEach(BrowserContext::close);
    }
}
