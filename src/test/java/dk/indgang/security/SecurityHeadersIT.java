package dk.indgang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The headers every page answers with, behind a TLS-terminating proxy as in production: CSP, nosniff
 * and Referrer-Policy everywhere (the login page included), HSTS and Secure, SameSite cookies when the
 * proxy says the request came over https; health without details for anyone not an operator; pages
 * answer 405 to methods they do not have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHeadersIT {

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> call(String method, String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyPageHasCspNosniffAndReferrerPolicy() throws Exception {
        for (var path : new String[] {"/login", "/", "/mine-sager", "/actuator/health"}) {
            var response = call("GET", path);
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .contains("same-origin");
        }
    }

    @Test
    void behindTheProxyOverHttpsTheBrowserIsToldToStayOnHttpsAndCookiesAreSecure() throws Exception {
        var response = call("GET", "/login", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "indgang.example.dk");
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(h -> assertThat(h).contains("max-age="));
        assertThat(response.headers().allValues("Set-Cookie"))
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure", "SameSite=Lax"));
        var plain = call("GET", "/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void healthShowsNoComponentsOrDetailsToTheAnonymous() throws Exception {
        var health = call("GET", "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"").doesNotContain("components", "registers", "outbox");
        var outbox = call("GET", "/actuator/health/outbox");
        assertThat(outbox.body()).doesNotContain("waiting", "oldestAgeSeconds");
    }

    @Test
    void pagesAnswer405ToMethodsTheyDoNotHave() throws Exception {
        for (var method : new String[] {"DELETE", "PUT", "PATCH"}) {
            var response = call(method, "/");
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(method).contains("GET, HEAD, POST");
        }
    }
}
