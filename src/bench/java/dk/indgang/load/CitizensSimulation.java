package dk.indgang.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Citizens applying through the headless form API, as a municipality's peak (the housing-benefit
 * deadline, school enrolment) brings them: a token, start a draft, put the answers, read the state
 * (the registers' answers are in it), submit with an Idempotency-Key. A closed model: {@code
 * load.users} citizens at a time for {@code load.seconds} seconds after a ramp of {@code
 * load.ramp} seconds; a citizen who is done is replaced by a new one.
 *
 * <p>Settings (system properties): {@code load.target} (base URL), {@code load.users}, {@code
 * load.seconds}, {@code load.ramp}, {@code load.form}, {@code load.answers} (the answers as the
 * API's JSON), {@code load.citizens} (CPR numbers, comma-separated; each virtual citizen is one of
 * them in turn). The defaults fit the example form and the simulated registers of {@code stubs/}.
 *
 * <p>The goal the run is held to: at most {@code load.slo.failed} per cent failed requests (1) and
 * 95 % of the answers within {@code load.slo.p95} ms (2,000); Gatling's exit code is 2 when it is
 * missed.
 *
 * <p>Every submit the service acknowledges (201, or 200 for a repeated one) is written to {@link
 * #ACKNOWLEDGED}, draft → application, so that the caller can check the database afterwards: nothing
 * acknowledged lost, no draft with two applications.
 */
public class CitizensSimulation extends Simulation {

    /** Draft id → application id, for every submit the service acknowledged in this JVM. */
    public static final Map<String, String> ACKNOWLEDGED = new ConcurrentHashMap<>();

    /** Submits sent (acknowledged or not). */
    public static final AtomicInteger SUBMITS = new AtomicInteger();

    static final String DEFAULT_ANSWERS = "{\"values\":{\"harBoern\":false,\"husleje\":\"5200.00\","
            + "\"indkomst\":\"21000\",\"boligType\":\"leje\",\"foedselsdato\":\"1988-03-15\"}}";

    static final String DEFAULT_CITIZENS = "1503889984,1105829944,0211859977";

    public CitizensSimulation() {
        var target = System.getProperty("load.target", "http://localhost:8080");
        int users = Integer.getInteger("load.users", 50);
        int seconds = Integer.getInteger("load.seconds", 30);
        int ramp = Integer.getInteger("load.ramp", 5);
        var form = System.getProperty("load.form", "eksempel-husstand");
        var answers = System.getProperty("load.answers", DEFAULT_ANSWERS);
        var citizens = Arrays.stream(
                        System.getProperty("load.citizens", DEFAULT_CITIZENS).split(","))
                .map(String::trim)
                .map(cpr -> Map.<String, Object>of("cpr", cpr))
                .toArray(Map[]::new);

        var api = http.baseUrl(target)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("indgang-load-kit");

        @SuppressWarnings("unchecked")
        ScenarioBuilder citizen = scenario("citizen applies")
                .feed(io.gatling.javaapi.core.CoreDsl.arrayFeeder(citizens).circular())
                .exec(http("token")
                        .post("/api/forms/v1/dev/token")
                        .body(StringBody("{\"cpr\":\"#{cpr}\"}"))
                        .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
                .exec(http("start")
                        .post("/api/forms/v1/drafts")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"formId\":\"" + form + "\"}"))
                        .check(status().is(201), jsonPath("$.draftId").saveAs("draft")))
                .exec(http("answers")
                        .put("/api/forms/v1/drafts/#{draft}/answers")
                        .header("Authorization", "Bearer #{token}")
                        .body(StringBody(answers))
                        .check(status().is(200)))
                .exec(http("state")
                        .get("/api/forms/v1/drafts/#{draft}")
                        .header("Authorization", "Bearer #{token}")
                        .check(status().is(200), jsonPath("$.submittable").is("true")))
                .exec(session -> {
                    SUBMITS.incrementAndGet();
                    return session;
                })
                .exec(http("submit")
                        .post("/api/forms/v1/drafts/#{draft}/submit")
                        .header("Authorization", "Bearer #{token}")
                        .header("Idempotency-Key", "load-#{draft}")
                        .check(
                                status().in(200, 201),
                                jsonPath("$.applicationId").saveAs("application")))
                .exec(session -> {
                    if (session.contains("application")) {
                        ACKNOWLEDGED.put(session.getString("draft"), session.getString("application"));
                    }
                    return session;
                });

        setUp(citizen.injectClosed(
                        rampConcurrentUsers(1).to(users).during(Duration.ofSeconds(ramp)),
                        constantConcurrentUsers(users).during(Duration.ofSeconds(seconds))))
                .protocols(api)
                .maxDuration(Duration.ofSeconds(ramp + seconds + 120L))
                // the service goal the run is held to; Gatling's exit code 2 when it is missed
                .assertions(
                        global().failedRequests()
                                .percent()
                                .lte(Double.parseDouble(System.getProperty("load.slo.failed", "1"))),
                        global().responseTime().percentile(95.0).lte(Integer.getInteger("load.slo.p95", 2000)));
    }
}
