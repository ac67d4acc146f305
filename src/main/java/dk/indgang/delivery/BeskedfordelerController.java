package dk.indgang.delivery;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the Beskedfordeler's subscription delivers Digital Post's receipts (one event message per
 * request, X-Api-Key). 202 when read — also for a shipment Indgang did not send, so a stray message is
 * not redelivered for ever; 400 with what is wrong for one that is not a receipt.
 */
@RestController
@RequestMapping("/api/beskedfordeler/v1")
class BeskedfordelerController {

    private final DeliveryReceipts receipts;

    BeskedfordelerController(DeliveryReceipts receipts) {
        this.receipts = receipts;
    }

    @PostMapping(
            value = "/haendelser",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> receive(@RequestBody(required = false) String body) {
        var application = receipts.receive(body);
        return ResponseEntity.accepted().body(Map.of("known", application.isPresent()));
    }

    @ExceptionHandler(DeliveryReceipts.Unreadable.class)
    ResponseEntity<Map<String, Object>> unreadable(DeliveryReceipts.Unreadable e) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of(
                        "type",
                        "about:blank",
                        "title",
                        "Not a delivery receipt",
                        "status",
                        400,
                        "detail",
                        e.getMessage()));
    }
}
