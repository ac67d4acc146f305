package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indgang.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash test, not a timed test ({@code mvn -Pbench verify}): the service runs in its own JVM; a burst
 * of submits with Idempotency-Keys is fired at the form API and the JVM is killed (SIGKILL) in the
 * middle of it; the service is started again on the same database and every submit is retried with
 * its key. Nothing the service acknowledged (a 201 with an id) may be lost, and no draft may get two
 * applications. On the embedded H2 and, when one is reachable, on PostgreSQL. Writes
 * {@code target/bench/crash.txt}.
 */
class CrashBenchmark {

    private static final int DRAFTS = Integer.getInteger("bench.crash.drafts", 120);
    private static final String POSTGRES =
            System.getProperty("indgang.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();

    static Stream<String> databases() {
        try (var connection = DriverManager.getConnection(POSTGRES, "postgres", "")) {
            try (var statement = connection.createStatement()) {
                statement.execute("drop schema if exists indgang_crash cascade");
                statement.execute("create schema indgang_crash");
            }
            return Stream.of("h2", "postgres");
        } catch (Exception e) {
            return Stream.of("h2");
        }
    }

    private ServiceProcess start(String database, Path dir, int port) throws Exception {
        var arguments = new ArrayList<>(List.of("--indgang.delivery.worker=false"));
        if (database.equals("h2")) {
            // The shipped setting (application.yml), in a fresh directory; -Dbench.crash.h2url=… tries
            // another, e.g. without WRITE_DELAY=0 to see what it loses.
            arguments.add("--spring.datasource.url="
                    + System.getProperty(
                            "bench.crash.h2url",
                            ServiceProcess.shippedH2Url()
                                    .replace(
                                            "./data/indgang",
                                            dir.resolve("indgang").toString())));
        } else {
            arguments.add("--spring.datasource.url=" + POSTGRES + "?currentSchema=indgang_crash");
            arguments.add("--spring.datasource.username=postgres");
            arguments.add("--spring.datasource.password=");
            arguments.add("--spring.flyway.schemas=indgang_crash");
        }
        return ServiceProcess.start(port, dir.resolve("service-" + System.nanoTime() + ".log"), List.of(), arguments);
    }

    private HttpResponse<String> call(int port, String method, String path, String token, String body, String key)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void nothingAcknowledgedIsLostOrDuplicatedAfterAKill(String database) throws Exception {
        var dir = Files.createTempDirectory("indgang-crash-" + database);
        int port = ServiceProcess.freePort();
        var service = start(database, dir, port);
        // Three citizens, so that each stays within her per-minute lookup allowance while preparing.
        var citizens = List.of("1503889984", "1105829944", "0211859977");
        var tokens = new ConcurrentHashMap<String, String>();
        for (var cpr : citizens) {
            tokens.put(
                    cpr,
                    json.readTree(call(port, "POST", "/api/forms/v1/dev/token", null, "{\"cpr\":\"" + cpr + "\"}", null)
                                    .body())
                            .get("accessToken")
                            .asText());
        }
        var drafts = new ArrayList<String>();
        var owner = new ConcurrentHashMap<String, String>();
        for (int i = 0; i < DRAFTS; i++) {
            var cpr = citizens.get(i % citizens.size());
            var draft = json.readTree(call(
                                    port,
                                    "POST",
                                    "/api/forms/v1/drafts",
                                    tokens.get(cpr),
                                    "{\"formId\":\"eksempel-husstand\"}",
                                    null)
                            .body())
                    .get("draftId")
                    .asText();
            var filled = call(
                    port,
                    "PUT",
                    "/api/forms/v1/drafts/" + draft + "/answers",
                    tokens.get(cpr),
                    "{\"values\":{\"harBoern\":false,\"husleje\":\"5200.00\",\"indkomst\":\"21000\","
                            + "\"boligType\":\"leje\",\"foedselsdato\":\"1988-03-15\"}}",
                    null);
            assertThat(filled.statusCode()).isEqualTo(200);
            drafts.add(draft);
            owner.put(draft, cpr);
        }

        // The burst: every draft submitted at once; the JVM is killed while they are under way.
        var acknowledged = new ConcurrentHashMap<String, String>();
        var pool = Executors.newFixedThreadPool(16);
        for (var draft : drafts) {
            pool.submit(() -> {
                try {
                    var response = call(
                            port,
                            "POST",
                            "/api/forms/v1/drafts/" + draft + "/submit",
                            tokens.get(owner.get(draft)),
                            null,
                            "k-" + draft);
                    if (response.statusCode() == 201 || response.statusCode() == 200) {
                        acknowledged.put(
                                draft,
                                json.readTree(response.body())
                                        .get("applicationId")
                                        .asText());
                    }
                } catch (Exception e) {
                    // the service died under it: not acknowledged
                }
                return null;
            });
        }
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < DRAFTS / 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        service.kill();
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        var acknowledgedBeforeTheKill = Map.copyOf(acknowledged);

        // Again, on the same database: every acknowledged application is there, and a retry with the
        // same key gives the same one; the others are submitted once.
        service = start(database, dir, port);
        // The dev mode's signing key is made at start-up: a new start, new tokens.
        var retryTokens = new java.util.HashMap<String, String>();
        for (var cpr : citizens) {
            retryTokens.put(
                    cpr,
                    json.readTree(call(port, "POST", "/api/forms/v1/dev/token", null, "{\"cpr\":\"" + cpr + "\"}", null)
                                    .body())
                            .get("accessToken")
                            .asText());
        }
        var lost = 0;
        var duplicated = 0;
        try {
            for (var entry : acknowledgedBeforeTheKill.entrySet()) {
                var found = call(
                        port,
                        "GET",
                        "/api/forms/v1/applications/" + entry.getValue(),
                        retryTokens.get(owner.get(entry.getKey())),
                        null,
                        null);
                if (found.statusCode() != 200) {
                    lost++;
                }
            }
            for (var draft : drafts) {
                var retry = call(
                        port,
                        "POST",
                        "/api/forms/v1/drafts/" + draft + "/submit",
                        retryTokens.get(owner.get(draft)),
                        null,
                        "k-" + draft);
                assertThat(retry.statusCode()).as(retry.body()).isIn(200, 201);
                var id = json.readTree(retry.body()).get("applicationId").asText();
                var before = acknowledgedBeforeTheKill.get(draft);
                if (before != null && !before.equals(id)) {
                    duplicated++;
                }
            }
        } finally {
            service.kill();
        }
        var line = "%s: %d drafts, %d acknowledged before the kill, %d lost, %d duplicated"
                .formatted(database, DRAFTS, acknowledgedBeforeTheKill.size(), lost, duplicated);
        System.out.println(line);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(
                Path.of("target/bench/crash.txt"),
                line + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(acknowledgedBeforeTheKill).isNotEmpty();
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
    }
}
