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
 * <p>WireMock is not started with the application (reading the mappings and starting Jetty took
 * about a quarter of the start, which needs none of it) but once the application is ready, on a
 * thread of its own ({@link #start()}), or earlier by the first call that needs it. The port is
 * chosen at once, so the clients know their address; a call that comes before the server listens
 * starts it if need be and waits ({@link #awaitStarted()}, from the clients' request interceptor).
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
        digitalPost = new DigitalPostSimulator(clock);
        port = stubs.port() == 0 ? freePort() : stubs.port();
        this.stubs = stubs;
        this.dir = stubs.dir();
        LOG.info("Simulated registers (WireMock) will serve {} at {} once the application has started", dir, baseUrl());
    }

    private final int port;
    private final RegisterProperties.Stubs stubs;
    private final java.nio.file.Path dir;

    /** WireMock's configuration: made with the server, off the application's start (its classes take a while). */
    private com.github.tomakehurst.wiremock.core.WireMockConfiguration config() {
        var config = wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(port)
                .usingFilesUnderDirectory(dir.toString())
                .containerThreads(32)
                .asynchronousResponseEnabled(true)
                .extensions(new PeriodShift(), digitalPost.matcher(), digitalPost.receipts());
        if (!stubs.journal()) {
            config.disableRequestJournal();
        }
        return config;
    }
    /** The server once it listens; null until its start begins (after the start, or a first call). */
    private java.util.concurrent.CompletableFuture<WireMockServer> started;

    /** Begins the server's start on a thread of its own, unless it has begun; does not wait. */
    public void start() {
        started();
    }

    /** The server's start, begun by the first caller. */
    private synchronized java.util.concurrent.CompletableFuture<WireMockServer> started() {
        if (started == null) {
            started = java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> {
                                var server = new WireMockServer(config());
                                server.start();
                                LOG.info("Simulated registers (WireMock) serve {} at {}", dir, baseUrl());
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
        return started;
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("No free port for the simulated registers", e);
        }
    }

    /**
     * For the clients of the simulated registers and services: the first call starts them and waits
     * until they listen.
     */
    public org.springframework.http.client.ClientHttpRequestInterceptor waitingForStart() {
        return (request, body, execution) -> {
            awaitStarted();
            return execution.execute(request, body);
        };
    }

    /** Starts the simulated registers if they have not started and waits until they listen; fails if they cannot. */
    public WireMockServer awaitStarted() {
        try {
            return started().join();
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
        java.util.concurrent.CompletableFuture<WireMockServer> start;
        synchronized (this) {
            start = started;
        }
        // a server that never started has nothing to stop
        if (start != null) {
            start.thenAccept(WireMockServer::stop)
                    .exceptionally(failure -> null)
                    .join();
        }
    }
}
