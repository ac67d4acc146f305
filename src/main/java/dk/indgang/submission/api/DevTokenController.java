package dk.indgang.submission.api;

import dk.indgang.security.DevTokens;
import dk.indgang.security.TestPersons;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Dev mode only: a form-API token for a fictitious test person. The controller does not exist outside
 * the dev mode — no route, nothing in {@code /v3/api-docs} — so a real deployment has no way to mint a
 * citizen's token.
 */
@RestController
@RequestMapping("/api/forms/v1/dev")
@Tag(name = "Form API (dev mode)", description = "Tokens for the fictitious test persons")
@ConditionalOnProperty(name = "indgang.security.mode", havingValue = "dev", matchIfMissing = true)
class DevTokenController {

    private final DevTokens devTokens;

    DevTokenController(DevTokens devTokens) {
        this.devTokens = devTokens;
    }

    record TokenRequest(@NotBlank String cpr) {}

    @Operation(summary = "Dev mode only: a token for a fictitious test person")
    @PostMapping("/token")
    Map<String, String> token(@Valid @RequestBody TokenRequest request) {
        var person = TestPersons.CITIZENS.stream()
                .filter(p -> p.cpr().equals(request.cpr().replace("-", "")))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a test person"));
        return Map.of("accessToken", devTokens.issue(person.cpr()), "tokenType", "Bearer");
    }
}
