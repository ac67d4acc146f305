package dk.indgang.submission.api;

import dk.indgang.submission.Application;
import dk.indgang.submission.CaseStatus;
import dk.indgang.submission.CaseSystem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case-system API: new applications by cursor, each as its JSON document, PDF receipt and
 * attachments; acknowledgement; status reports that citizens see under "Mine sager". Never open:
 * every call carries an API key ({@code X-Api-Key}).
 */
@RestController
@RequestMapping("/api/case/v1/applications")
@Validated
@Tag(name = "Case systems", description = "Fetch submitted applications and report case status")
@SecurityRequirement(name = "apiKey")
@SecurityScheme(
        name = "apiKey",
        type = SecuritySchemeType.APIKEY,
        in = SecuritySchemeIn.HEADER,
        paramName = "X-Api-Key")
class CaseApiController {

    private final CaseSystem cases;

    CaseApiController(CaseSystem cases) {
        this.cases = cases;
    }

    /** One application in a listing; {@code cursor} is what to send as {@code after} next time. */
    record Summary(
            UUID id,
            long cursor,
            String receiptNumber,
            String formId,
            int formVersion,
            String channel,
            OffsetDateTime submittedAt,
            CaseStatus status,
            boolean acknowledged) {
        static Summary of(Application a) {
            return new Summary(
                    a.id(),
                    a.seq(),
                    a.receiptNumber(),
                    a.formId(),
                    a.formVersion(),
                    a.channel().json(),
                    a.submittedAt(),
                    a.status(),
                    a.acknowledgedAt() != null);
        }
    }

    record Page(List<Summary> items, long nextCursor) {}

    record StatusReport(
            @NotNull CaseStatus status, @Size(max = 2000) String message) {}

    @Operation(summary = "Applications submitted after a cursor, oldest first")
    @GetMapping
    Page list(
            @RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "false") boolean unacknowledged) {
        var items = cases.after(after, limit, unacknowledged).stream()
                .map(Summary::of)
                .toList();
        return new Page(items, items.isEmpty() ? after : items.getLast().cursor());
    }

    @Operation(summary = "The application document (JSON, docs/schema/application.schema.json)")
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    String get(@PathVariable UUID id) {
        return cases.get(id).map(Application::document).orElseThrow(CaseApiController::notFound);
    }

    @Operation(summary = "The PDF/A receipt")
    @GetMapping(value = "/{id}/receipt", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
        var pdf = cases.receipt(id).orElseThrow(CaseApiController::notFound);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    @Operation(summary = "An attachment, by the SHA-256 the application document gives")
    @GetMapping("/{id}/attachments/{sha256}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable String sha256) {
        var file = cases.attachment(id, sha256).orElseThrow(CaseApiController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.mediaType()))
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + file.name().replace("\"", "") + "\"")
                .body(file.content());
    }

    @Operation(summary = "Acknowledge: the case system has taken the application over")
    @PostMapping("/{id}/acknowledge")
    ResponseEntity<Void> acknowledge(@PathVariable UUID id, Principal client) {
        if (!cases.acknowledge(id, client.getName())) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Report the case status, with a message the citizen sees")
    @PostMapping("/{id}/status")
    ResponseEntity<Void> status(@PathVariable UUID id, @Valid @RequestBody StatusReport report, Principal client) {
        if (report.status() == CaseStatus.RECEIVED) {
            // Indgang records the receipt itself at submit; a case system reports what happened since.
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "RECEIVED is recorded by Indgang at submit; report a later status");
        }
        return switch (cases.reportExternal(id, report.status(), report.message(), client.getName())) {
            case RECORDED -> ResponseEntity.status(HttpStatus.CREATED).build();
            case NOT_FOUND -> throw notFound();
            case PROCESSED_HERE ->
                throw new ResponseStatusException(
                        HttpStatus.CONFLICT,
                        "The municipality processes this application in Indgang; its status follows its case");
        };
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No application with that id");
    }
}
