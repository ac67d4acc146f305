package dk.indgang.delivery;

import dk.indgang.registers.StubRegisters;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client of a national service: its base URL (blank: the embedded simulator), HTTP/1.1,
 * the timeouts, and mTLS with the municipality's system certificate from a Spring SSL bundle.
 */
final class ServiceClients {

    private ServiceClients() {}

    /**
     * @param property the property prefix, for the message when the bundle is missing
     */
    static RestClient client(
            RestClient.Builder builder,
            String url,
            String sslBundle,
            Duration timeout,
            ObjectProvider<StubRegisters> stubs,
            ObjectProvider<SslBundles> sslBundles,
            String property) {
        var stub = stubs.getIfAvailable();
        var base = url.isBlank() ? stub == null ? "http://unconfigured.invalid" : stub.baseUrl() : url;
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout);
        if (!sslBundle.isBlank()) {
            var bundles = sslBundles.getIfAvailable();
            if (bundles == null) {
                throw new IllegalStateException(property + ".ssl-bundle is set but no spring.ssl.bundle is configured");
            }
            client.sslContext(bundles.getBundle(sslBundle).createSslContext());
        }
        var factory = new JdkClientHttpRequestFactory(client.build());
        factory.setReadTimeout(timeout);
        var rest = builder.clone().baseUrl(base).requestFactory(factory);
        if (url.isBlank() && stub != null) {
            rest.requestInterceptor(stub.waitingForStart());
        }
        return rest.build();
    }
}
