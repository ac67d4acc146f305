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
 */
public class StubRegisters implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(StubRegisters.class);

    private final WireMockServer server;
    private final DigitalPostSimulator digitalPost;

    StubRegisters(RegisterProperties.Stubs stubs, java.time.Clock clock) {
        if (!Files.isDirectory(stubs.dir())) {
            throw new IllegalStateException(
                    "Register stubs folder " + stubs.dir().toAbsolutePath()
                            + " is missing; run from the project folder or set indgang.registers.stubs.enabled=false");
        }
        var config = wireMockConfig()
                .port(stubs.port())
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
        server = new WireMockServer(config);
        server.start();
        LOG.info("Simulated registers (WireMock) serve {} at {}", stubs.dir(), baseUrl());
    }

    /**
     * Where the simulated Beskedfordeler delivers Digital Post's receipts: this instance's own
     * receiver, once its web server listens.
     */
    void callback(String baseUrl, String key) {
        digitalPost.callback(baseUrl, key);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** For tests that need a register to misbehave for a while. */
    public WireMockServer server() {
        return server;
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
