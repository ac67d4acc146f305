package dk.indgang.registers;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * The simulated registers and national services of the default run: an embedded WireMock serving
 * {@code stubs/} (mappings per register or service under {@code mappings/<name>/}, bodies under
 * {@code __files/}); Digital Post's kombi requests are checked and answered with receipts by {@link
 * DigitalPostSimulator}.
 *
 * <p>WireMock starts on a thread of its own, beside the rest of the application's start (it took
 * about a quarter of it): the port is chosen first, so the register clients know their address at
 * once; a call that comes before the server listens waits for it ({@link #awaitStarted()}, from the
 * clients' request interceptor), and the application is only reported ready once it listens.
 */
public class StubRegisters implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StubRegisters.class);

    private final DigitalPostSimulator digitalPost;

    StubRegisters(RegisterProperties.Stubs stubs, java.time.Clock clock) {
        if (!Files.isDirectory(stubs.dir())) {
            throw new IllegalStateException(
                    "Register stubs folder " + stubs.dir().toAbsolutePath()
                            + " is missing; run from the project folder or set indgang.registers.stubs.enabled=false");
        }
        var config = wireMockConfig()
                .bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(stubs.dir().toString())
                .containerThreads(32)
                .asynchronousResponseEnabled(true)
                .extensions(new PeriodShift());
        digitalPost = new DigitalPostSimulator(clock);
        config.extensions(digitalPost.matcher(), digitalPost.receipts());
        if (!stubs.journal()) {
            config.disableRequestJournal();
        }
        port = stubs.port() == 0 ? freePort() : stubs.port();
        config.port(port);
        // reading the mappings and starting the server take a thread of their own
        started = java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> {
                            var server = new WireMockServer(config);
                            server.start();
                            LOG.info("Simulated registers (WireMock) serve {} at {}", stubs.dir(), baseUrl());
                            return server;
                        },
                        task -> Thread.ofPlatform()
                                .name("stub-registers-start")
                                .daemon()
                                .start(task))
                .whenComplete((server, failure) -> {
                    if (failure != null) {
                        LOG.error("The simulated registers did not start at {}", baseUrl(), failure);
                    }
                });
    }

    private final int port;
    /** The server once it listens. */
    private final java.util.concurrent.CompletableFuture<WireMockServer> started;

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("No free port for the simulated registers", e);
        }
    }

    /**
     * For the clients of the simulated registers and services: a call made before they listen (in the
     * first seconds of a start) waits for them instead of failing.
     */
    public org.springframework.http.client.ClientHttpRequestInterceptor waitingForStart() {
        return (request, body, execution) -> {
            awaitStarted();
            return execution.execute(request, body);
        };
    }

    /** Waits until the simulated registers listen; fails if they could not start. */
    public WireMockServer awaitStarted() {
        try {
            return started.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException(
                    "The simulated registers did not start: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * Where the simulated Beskedfordeler delivers Digital Post's receipts: this instance's own
     * receiver, once its web server listens.
     */
    void callback(String baseUrl, String key) {
        digitalPost.callback(baseUrl, key);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** For tests that need a register to misbehave for a while. */
    public WireMockServer server() {
        return awaitStarted();
    }

    @Override
    public void destroy() {
        // a server that never started has nothing to stop
        started.thenAccept(WireMockServer::stop).exceptionally(failure -> null).join();
    }
}
