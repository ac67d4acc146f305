package dk.indgang.registers;

import java.util.function.Supplier;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;

/** Turns what HTTP and JSON can throw into the two kinds of register failure. */
public final class HttpFailures {

    private HttpFailures() {}

    /** Runs a register request; {@code notFound} answers a 404. */
    public static <T> T call(String register, Supplier<T> request, Supplier<T> notFound) {
        try {
            return request.get();
        } catch (HttpClientErrorException.NotFound e) {
            return notFound.get();
        } catch (HttpServerErrorException e) {
            throw new RetryableRegisterFailure(
                    register + " answered " + e.getStatusCode().value(), e);
        } catch (ResourceAccessException e) {
            throw new RetryableRegisterFailure(register + " could not be reached: " + rootMessage(e), e);
        } catch (HttpClientErrorException e) {
            throw new RegisterFailure(
                    register + " refused the request: " + e.getStatusCode().value(), e);
        } catch (JacksonException | RestClientException | IllegalArgumentException | NullPointerException e) {
            throw new RegisterFailure(register + " gave an answer that could not be read: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName()
                + (root.getMessage() == null
                        ? ""
                        : ": " + root.getMessage().lines().findFirst().orElse(""));
    }
}
