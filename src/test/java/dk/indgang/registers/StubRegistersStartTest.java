package dk.indgang.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The simulated registers are not started with the application: nothing listens until they are
 * started (after the start, or by the first call, which waits for them), and one never started
 * stops without trouble.
 */
class StubRegistersStartTest {

    private static StubRegisters stubs() {
        return new StubRegisters(
                new RegisterProperties.Stubs(true, Path.of("stubs"), 0, false), dk.indgang.TestClock.CLOCK);
    }

    @Test
    void theFirstCallStartsThemAndWaitsUntilTheyListen() {
        var stubs = stubs();
        try {
            var port =
                    Integer.parseInt(stubs.baseUrl().substring(stubs.baseUrl().lastIndexOf(':') + 1));
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

            var client = RestClient.builder()
                    .baseUrl(stubs.baseUrl())
                    .requestInterceptor(stubs.waitingForStart())
                    .build();
            var mappings = client.get().uri("/__admin/mappings").retrieve().toEntity(String.class);
            assertThat(mappings.getStatusCode().is2xxSuccessful()).isTrue();
            assertThat(mappings.getBody()).contains("/cpr/");
        } finally {
            stubs.destroy();
        }
    }

    @Test
    void startedInTheBackgroundTheyListenWithoutACall() {
        var stubs = stubs();
        try {
            stubs.start();
            assertThat(stubs.awaitStarted().isRunning()).isTrue();
        } finally {
            stubs.destroy();
        }
    }

    @Test
    void neverStartedTheyStopQuietly() {
        stubs().destroy();
    }
}
