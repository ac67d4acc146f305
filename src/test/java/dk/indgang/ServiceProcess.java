package dk.indgang;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The service in a JVM of its own, started from the test class path as {@code java -cp …
 * IndgangApplication} — for benchmarks that kill it or put load on it from outside. Up when
 * {@code /actuator/health} answers 200.
 *
 * @param process the JVM
 * @param port its HTTP port
 * @param log where its output goes
 */
public record ServiceProcess(Process process, int port, Path log) implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The embedded database URL the service ships with (application.yml). */
    @SuppressWarnings("unchecked")
    public static String shippedH2Url() throws IOException {
        java.util.Map<String, Object> yaml = new org.yaml.snakeyaml.Yaml()
                .load(java.nio.file.Files.readString(Path.of("src/main/resources/application.yml")));
        var spring = (java.util.Map<String, Object>) yaml.get("spring");
        return String.valueOf(((java.util.Map<String, Object>) spring.get("datasource")).get("url"));
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts the service on {@code port} with the forms and stubs of this checkout and {@code
     * arguments} after them (later arguments win), its output in {@code log}.
     */
    public static ServiceProcess start(int port, Path log, List<String> jvmOptions, List<String> arguments)
            throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                IndgangApplication.class.getName(),
                "--server.port=" + port,
                "--indgang.forms.dir=" + Path.of("forms").toAbsolutePath(),
                "--indgang.registers.stubs.dir=" + Path.of("stubs").toAbsolutePath(),
                "--indgang.forms.watch=false",
                "--logging.level.root=warn"));
        command.addAll(arguments);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                var health = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return new ServiceProcess(process, port, log);
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The service did not start; see " + log);
    }

    /** Kills it at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops it as an operator would (SIGTERM, Spring's graceful shutdown), killing it after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
