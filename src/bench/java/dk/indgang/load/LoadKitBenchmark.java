package dk.indgang.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.indgang.PostgresSchemas;
import dk.indgang.ServiceProcess;
import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The load kit run against this checkout ({@code mvn -Pbench verify}): the service in JVMs of its
 * own on the PostgreSQL at 127.0.0.1:5432, first one instance, then two behind the reference
 * balancer ({@code deploy/haproxy.cfg}, run as it is); Gatling's {@link CitizensSimulation} at 50 and
 * 200 concurrent citizens for a bounded time against each. After every run the database is asked
 * whether every acknowledged application is there, under its own draft, and no draft has two.
 * Writes {@code target/bench/load.txt}; Gatling's HTML reports are in {@code target/bench/gatling/}.
 *
 * <p>{@code -Dbench.load.users=50,200}, {@code -Dbench.load.seconds=30} change the runs. Against a
 * municipality's own test environment, run the simulation alone: {@code -Dload.target=https://…}
 * with {@code -Dtest=LoadKitBenchmark#againstTarget}.
 */
class LoadKitBenchmark {

    private static final String SCHEMA = "indgang_load";
    private static final List<Integer> USERS = Arrays.stream(
                    System.getProperty("bench.load.users", "50,200").split(","))
            .map(String::trim)
            .map(Integer::parseInt)
            .toList();
    private static final int SECONDS = Integer.getInteger("bench.load.seconds", 30);
    private static final Path OUT = Path.of("target", "bench");

    /** One run's figures: Gatling's over all requests and per request, the database's verdict. */
    record Run(
            String setup,
            int users,
            int seconds,
            long requests,
            long failed,
            double requestsPerSecond,
            Map<String, GatlingStatistics.Row> statistics,
            boolean goalMet,
            int submitted,
            int acknowledged,
            double applicationsPerSecond,
            int lost,
            int duplicated,
            int storedNotAcknowledged) {

        /** The run with the database's verdict on it. */
        Run withDatabase(int lost, int duplicated, int storedNotAcknowledged) {
            return new Run(
                    setup,
                    users,
                    seconds,
                    requests,
                    failed,
                    requestsPerSecond,
                    statistics,
                    goalMet,
                    submitted,
                    acknowledged,
                    applicationsPerSecond,
                    lost,
                    duplicated,
                    storedNotAcknowledged);
        }
    }

    @Test
    void citizensAtAPeakOnOneInstanceAndOnTwoBehindTheBalancer() throws Exception {
        assumeTrue(PostgresSchemas.fresh(SCHEMA), "no PostgreSQL at " + PostgresSchemas.URL);
        var dir = Files.createDirectories(OUT.resolve("load"));
        var key = dir.resolve("dev-key.jwk");
        Files.writeString(
                key,
                new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                        .keyID("load-kit")
                        .generate()
                        .toJSONString());
        var runs = new ArrayList<Run>();
        var notes = new ArrayList<String>();
        try (var one = instance(dir, key, "one")) {
            for (var users : USERS) {
                runs.add(run("1 instance", "http://127.0.0.1:" + one.port(), users));
            }
            if (!haproxyInstalled()) {
                notes.add("Two instances not run: HAProxy is not installed (apt-get install haproxy).");
            } else {
                try (var two = instance(dir, key, "two");
                        var balancer = Balancer.start(dir, one.port(), two.port())) {
                    notes.add(stickiness(balancer.port()));
                    for (var users : USERS) {
                        runs.add(run("2 instances, HAProxy", "http://127.0.0.1:" + balancer.port(), users));
                    }
                }
            }
        }
        var report = report(runs, notes);
        Files.writeString(OUT.resolve("load.txt"), report);
        System.out.println(report);
        for (var run : runs) {
            assertThat(run.lost())
                    .as("%s, %d users: acknowledged but not stored", run.setup(), run.users())
                    .isZero();
            assertThat(run.duplicated())
                    .as("%s, %d users: drafts with two applications", run.setup(), run.users())
                    .isZero();
            assertThat(run.acknowledged())
                    .as("%s, %d users: applications", run.setup(), run.users())
                    .isPositive();
        }
    }

    /**
     * The simulation alone against {@code -Dload.target} (a municipality's test environment, with
     * the dev token endpoint or a {@code load.citizens} the environment knows); skipped without one.
     */
    @Test
    void againstTarget() throws Exception {
        var target = System.getProperty("load.target");
        assumeTrue(target != null && !target.isBlank(), "no -Dload.target");
        var run = gatling("target", target, Integer.getInteger("load.users", 50));
        System.out.println(report(List.of(run), List.of()));
    }

    private static ServiceProcess instance(Path dir, Path key, String name) throws Exception {
        return ServiceProcess.start(
                ServiceProcess.freePort(),
                dir.resolve("service-" + name + ".log"),
                jvmOptions(name),
                List.of(
                        "--spring.datasource.url=" + PostgresSchemas.URL + "?currentSchema=" + SCHEMA,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--spring.flyway.schemas=" + SCHEMA,
                        "--indgang.form-api.dev-key-file=" + key.toAbsolutePath(),
                        // a dozen test persons stand for thousands of citizens: each would
                        // otherwise meet her own per-minute allowance of lookups at once
                        "--indgang.registers.lookups-per-user-per-minute=100000000"));
    }

    /** The instances' JVM options: {@code -Dbench.load.jvm="…"} adds some ({name} is the instance). */
    private static List<String> jvmOptions(String name) {
        var options = new ArrayList<>(List.of("-Xmx2g"));
        var extra = System.getProperty("bench.load.jvm", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.replace("{name}", name).split("\\s+")));
        }
        return options;
    }

    private static Run run(String setup, String target, int users) throws Exception {
        Set<String> before = applications().keySet();
        var run = gatling(setup, target, users);
        var now = applications();
        int lost = 0;
        for (var acknowledged : CitizensSimulation.ACKNOWLEDGED.entrySet()) {
            if (!acknowledged.getKey().equals(now.get(acknowledged.getValue()))) {
                lost++;
            }
        }
        var drafts = new HashMap<String, Integer>();
        for (var draft : now.values()) {
            drafts.merge(draft, 1, Integer::sum);
        }
        int duplicated = (int) drafts.values().stream().filter(n -> n > 1).count();
        var added = new HashSet<>(now.keySet());
        added.removeAll(before);
        added.removeAll(CitizensSimulation.ACKNOWLEDGED.values());
        return run.withDatabase(lost, duplicated, added.size());
    }

    /** Application id → draft id, all of them. */
    private static Map<String, String> applications() throws Exception {
        var all = new HashMap<String, String>();
        try (var connection =
                        DriverManager.getConnection(PostgresSchemas.URL + "?currentSchema=" + SCHEMA, "postgres", "");
                var rows = connection.createStatement().executeQuery("select id, draft_id from application")) {
            while (rows.next()) {
                all.put(rows.getString(1), rows.getString(2));
            }
        }
        return all;
    }

    private static Run gatling(String setup, String target, int users) throws Exception {
        CitizensSimulation.ACKNOWLEDGED.clear();
        CitizensSimulation.SUBMITS.set(0);
        System.setProperty("load.target", target);
        System.setProperty("load.users", String.valueOf(users));
        System.setProperty("load.seconds", String.valueOf(SECONDS));
        var results = Files.createDirectories(OUT.resolve("gatling"));
        var description = setup + ", " + users + " users";
        var started = System.nanoTime();
        int code = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
            "--simulation", CitizensSimulation.class.getName(),
            "--results-folder", results.toString(),
            "--run-description", description
        });
        double elapsed = (System.nanoTime() - started) / 1e9;
        assertThat(code).as("Gatling's exit code").isIn(0, 2);
        Map<String, GatlingStatistics.Row> statistics;
        try (var reports = Files.list(results)) {
            var newest = reports.filter(Files::isDirectory)
                    .max((a, b) ->
                            Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow();
            statistics = GatlingStatistics.read(newest);
        }
        var all = statistics.get("All Requests");
        int acknowledged = CitizensSimulation.ACKNOWLEDGED.size();
        return new Run(
                setup,
                users,
                SECONDS,
                all.total(),
                all.ko(),
                all.perSecond(),
                statistics,
                code == 0,
                CitizensSimulation.SUBMITS.get(),
                acknowledged,
                acknowledged / elapsed,
                0,
                0,
                0);
    }

    /**
     * A browser stays with its instance behind the balancer (the same session for ten pages) and new
     * browsers are spread over both.
     */
    private static String stickiness(int port) throws Exception {
        var instances = new HashSet<String>();
        for (int browser = 0; browser < 2; browser++) {
            var cookies = new CookieManager();
            var client = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            var sessions = new HashSet<String>();
            for (int page = 0; page < 10; page++) {
                var response = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).isEqualTo(200);
                cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("JSESSIONID"))
                        .forEach(c -> sessions.add(c.getValue()));
            }
            var instance = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("INDGANG_INSTANCE"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the balancer set no INDGANG_INSTANCE cookie"))
                    .getValue();
            assertThat(sessions).as("one session for ten pages of one browser").hasSize(1);
            instances.add(instance);
        }
        assertThat(instances).as("two new browsers, one on each instance").hasSize(2);
        return "Sticky pages behind the balancer: a browser kept one session for ten pages; two new browsers went to "
                + String.join(" and ", instances.stream().sorted().toList()) + ".";
    }

    private static boolean haproxyInstalled() {
        try {
            return new ProcessBuilder("haproxy", "-v").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** HAProxy with the reference configuration, in the foreground, until closed. */
    private record Balancer(Process process, int port) implements AutoCloseable {

        static Balancer start(Path dir, int first, int second) throws Exception {
            int port = ServiceProcess.freePort();
            var builder = new ProcessBuilder(
                            "haproxy",
                            "-db",
                            "-f",
                            Path.of("deploy", "haproxy.cfg").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("haproxy.log").toFile());
            builder.environment().put("INDGANG_BIND", "127.0.0.1:" + port);
            builder.environment().put("INDGANG_INSTANCE_1", "127.0.0.1:" + first);
            builder.environment().put("INDGANG_INSTANCE_2", "127.0.0.1:" + second);
            var process = builder.start();
            var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                try (var socket = new Socket("127.0.0.1", port)) {
                    return new Balancer(process, port);
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
            process.destroyForcibly();
            throw new IllegalStateException("HAProxy did not start; see " + dir.resolve("haproxy.log"));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String report(List<Run> runs, List<String> notes) {
        var out = new StringBuilder();
        out.append("Load kit: citizens through the headless form API (token, start, answers, state, submit)\n");
        out.append(String.format(
                Locale.ROOT,
                "%-22s %5s %4s %8s %6s %7s %7s %6s %6s %6s %6s %6s %6s %6s %7s%n",
                "setup",
                "users",
                "s",
                "requests",
                "failed",
                "req/s",
                "apps/s",
                "p50",
                "p95",
                "p99",
                "max",
                "sub95",
                "acked",
                "lost",
                "dupl."));
        for (var run : runs) {
            var all = run.statistics().get("All Requests");
            var submit = run.statistics().getOrDefault("submit", new GatlingStatistics.Row(0, 0, 0, 0, 0, 0, 0));
            out.append(String.format(
                    Locale.ROOT,
                    "%-22s %5d %4d %8d %6d %7.1f %7.1f %6d %6d %6d %6d %6d %6d %6d %7d%n",
                    run.setup(),
                    run.users(),
                    run.seconds(),
                    run.requests(),
                    run.failed(),
                    run.requestsPerSecond(),
                    run.applicationsPerSecond(),
                    all.p50(),
                    all.p95(),
                    all.p99(),
                    all.max(),
                    submit.p95(),
                    run.acknowledged(),
                    run.lost(),
                    run.duplicated()));
        }
        out.append("Times in ms over all requests; sub95 = p95 of the submit (PDF/A receipt) alone. ");
        out.append("Stored but not acknowledged (a reply lost on the way): ");
        out.append(runs.stream()
                .map(r -> String.valueOf(r.storedNotAcknowledged()))
                .toList());
        out.append(".\n");
        for (var run : runs) {
            out.append(String.format(
                    Locale.ROOT, "%s, %d users, per request (p50/p95/p99 ms):", run.setup(), run.users()));
            run.statistics().forEach((name, p) -> {
                if (!name.equals("All Requests")) {
                    out.append(String.format(Locale.ROOT, " %s %d/%d/%d", name, p.p50(), p.p95(), p.p99()));
                }
            });
            out.append(run.goalMet() ? "; goal met" : "; goal MISSED (failed > 1 % or p95 > 2 s)");
            out.append('\n');
        }
        notes.forEach(n -> out.append(n).append('\n'));
        out.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append("; load driver, balancer and instances on the same machine.\n");
        return out.toString();
    }
}
