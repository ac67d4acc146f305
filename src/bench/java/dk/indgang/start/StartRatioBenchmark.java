package dk.indgang.start;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Indgang's start against the smallest Spring Boot + Vaadin application ({@code
 * src/bench/reference-app}), side by side on this machine ({@code mvn -Pbench verify}): both built as
 * production jars the same way (Vaadin's pre-built bundle), each started in turn, alternating, from
 * {@code java …} to the first 200 on {@code /} (redirects followed: Indgang's is its login page).
 * Two ways of starting: {@code java -jar} on the Spring Boot jar, and the way the Dockerfile starts
 * it — the jar extracted and the JDK's AOT cache from one training start. Indgang runs its default
 * profile (the embedded H2 and registers: the newcomer's one command). The medians and their ratio
 * go to {@code target/bench/start.txt}; the target is 1.5. A third application, the same one view
 * with the Spring Boot starters Indgang is built on and nothing of Indgang's ({@code -Pstarters}),
 * says how much of the ratio is the stack and how much Indgang's own.
 *
 * <p>The jars are built by nested Maven runs into {@code target/bench/start/} (Indgang's with {@code
 * -Pproduction package -Dindgang.build.directory=…}, so the outer build's classes are untouched);
 * {@code -Dbench.start.runs=5} sets the runs per configuration.
 */
class StartRatioBenchmark {

    private static final int RUNS = Integer.getInteger("bench.start.runs", 5);
    private static final Path OUT = Path.of("target", "bench");
    private static final Path WORK = OUT.resolve("start").toAbsolutePath();
    private static final List<String> REFERENCE_POM = List.of("-f", "src/bench/reference-app/pom.xml");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    /**
     * An application to start: its jar, its arguments, the argument that makes its start the AOT
     * cache's training start (start, then exit), and whether it has a health to wait for after the
     * first page ({@code /actuator/health}, up once Indgang's forms are loaded).
     */
    private record App(String name, Path jar, List<String> arguments, String training, boolean health) {}

    @Test
    void indgangStartsWithinOneAndAHalfTimesTheSmallestSpringBootVaadinApplication() throws Exception {
        Files.createDirectories(WORK);
        var reference = new App(
                "reference",
                build(REFERENCE_POM, "production", "reference-build", "reference-app.jar"),
                List.of(),
                "--start-training=true",
                false);
        var starters = new App(
                "starters",
                build(REFERENCE_POM, "production,starters", "starters-build", "reference-starters.jar"),
                List.of(),
                "--start-training=true",
                false);
        var data = Files.createDirectories(WORK.resolve("indgang-data"));
        var indgang = new App(
                "indgang",
                build(List.of(), "production", "indgang-build", "indgang.jar"),
                List.of(
                        "--indgang.forms.dir=" + Path.of("forms").toAbsolutePath(),
                        "--indgang.registers.stubs.dir=" + Path.of("stubs").toAbsolutePath(),
                        "--spring.datasource.url="
                                + ServiceProcess.shippedH2Url()
                                        .replace(
                                                "./data/indgang",
                                                data.resolve("indgang").toString())),
                "--indgang.start-training=true",
                true);
        var cached = new LinkedHashMap<App, Path>();
        var apps = List.of(reference, starters, indgang);
        for (var app : apps) {
            cached.put(app, train(app));
        }

        // a first start of each, not counted: the database is made, the disk cache warmed
        for (var app : apps) {
            start(app, false, cached);
        }
        var times = new LinkedHashMap<String, List<Long>>();
        for (int run = 0; run < RUNS; run++) {
            for (var aot : List.of(false, true)) {
                for (var app : apps) {
                    var key = app.name() + (aot ? " aot" : " jar");
                    var start = start(app, aot, cached);
                    times.computeIfAbsent(key, k -> new ArrayList<>()).add(start.firstPage());
                    if (start.ready() > 0) {
                        times.computeIfAbsent(key + " ready", k -> new ArrayList<>())
                                .add(start.ready());
                    }
                }
            }
        }
        var report = report(times);
        Files.writeString(OUT.resolve("start.txt"), report);
        System.out.println(report);
    }

    /**
     * Builds a production jar with a nested Maven into a directory of its own (not the outer build's
     * {@code target/}, nor the reference's own, which two builds of it would share).
     */
    private static Path build(List<String> project, String profiles, String directory, String jar) throws Exception {
        var target = WORK.resolve(directory);
        var command = new ArrayList<>(List.of(maven(), "-B", "-q"));
        if (Boolean.getBoolean("bench.offline")) {
            command.add("-o");
        }
        command.addAll(project);
        command.addAll(List.of("-P" + profiles, "-DskipTests", "-Dspotless.check.skip=true", "package"));
        command.add((project.isEmpty() ? "-Dindgang" : "-Dreference") + ".build.directory=" + target);
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve(directory + ".log").toFile());
        // Vaadin's build plugin runs inside Maven and needs Java 21+: this JVM's
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        var process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue())
                .as("the build of %s; see %s", directory, WORK.resolve(directory + ".log"))
                .isZero();
        var built = target.resolve(jar);
        assertThat(built).exists();
        return built;
    }

    private static String maven() {
        var home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    /**
     * The Dockerfile's way: the jar extracted, one training start that exits once it has started
     * (Indgang's once its forms and simulated registers have loaded) and leaves the AOT cache. Returns the cache; the extracted jar is beside it.
     */
    private static Path train(App app) throws Exception {
        var dir = WORK.resolve(app.name() + "-extracted");
        run(
                List.of(
                        java(),
                        "-Djarmode=tools",
                        "-jar",
                        app.jar().toString(),
                        "extract",
                        "--force",
                        "--destination",
                        dir.toString()),
                WORK.resolve(app.name() + "-extract.log"));
        var cache = WORK.resolve(app.name() + ".aot");
        var command = new ArrayList<>(List.of(
                java(),
                "-XX:AOTCacheOutput=" + cache,
                "-jar",
                dir.resolve(app.jar().getFileName()).toString(),
                "--server.port=0"));
        command.addAll(app.arguments());
        // a whole start, then exit (Indgang: once its forms and simulated registers have loaded)
        command.add(app.training());
        run(command, WORK.resolve(app.name() + "-training.log"));
        assertThat(cache).exists();
        return cache;
    }

    private static void run(List<String> command, Path log) throws Exception {
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("%s; see %s", command, log).isZero();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Milliseconds from {@code java …} to the first 200 on {@code /}, and for Indgang to the first 200
     * on {@code /actuator/health} (its forms loaded and compiled; the reference has none): -1.
     */
    private record Start(long firstPage, long ready) {}

    /** Starts the app, waits for the first 200 on {@code /} (and on its health), stops it. */
    private static Start start(App app, boolean aot, Map<App, Path> caches) throws Exception {
        int port = ServiceProcess.freePort();
        var command = new ArrayList<>(List.of(java()));
        if (aot) {
            command.add("-XX:AOTCache=" + caches.get(app));
            command.addAll(List.of(
                    "-jar",
                    WORK.resolve(app.name() + "-extracted")
                            .resolve(app.jar().getFileName())
                            .toString()));
        } else {
            command.addAll(List.of("-jar", app.jar().toString()));
        }
        command.add("--server.port=" + port);
        command.addAll(app.arguments());
        var log = WORK.resolve(app.name() + (aot ? "-aot" : "-jar") + ".log");
        long started = System.nanoTime();
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            var deadline = started + TimeUnit.SECONDS.toNanos(180);
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    // as a browser asks (Spring Security answers other clients 401 instead of its login page)
                    var response = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                                    .header("Accept", "text/html")
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        long firstPage = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                        return new Start(firstPage, app.health() ? ready(port, started, deadline, log) : -1);
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new AssertionError(app.name() + " did not answer 200 on / ; see " + log);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Waits for the first 200 on Indgang's health (UP once its forms are loaded). */
    private static long ready(int port, long started, long deadline, Path log) throws Exception {
        while (System.nanoTime() < deadline) {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Indgang's health did not answer 200; see " + log);
    }

    private static long median(List<Long> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String report(Map<String, List<Long>> times) {
        var out = new StringBuilder(
                "Start: java … to the first 200 on / (ms), alternating runs; \"ready\": to the first 200 on /actuator/health (forms loaded)\n");
        times.forEach((name, values) ->
                out.append(String.format(Locale.ROOT, "%-21s median %6d  runs %s%n", name, median(values), values)));
        for (var way : List.of("jar", "aot")) {
            var indgang = median(times.get("indgang " + way));
            out.append(String.format(
                    Locale.ROOT,
                    "ratio (%s): %.2f  (target 1.5); the same starters alone: %.2f; Indgang against them: %.2f%n",
                    way.equals("jar") ? "java -jar" : "extracted + AOT cache, as the Dockerfile",
                    (double) indgang / median(times.get("reference " + way)),
                    (double) median(times.get("starters " + way)) / median(times.get("reference " + way)),
                    (double) indgang / median(times.get("starters " + way))));
        }
        out.append("Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append('\n');
        return out.toString();
    }
}
