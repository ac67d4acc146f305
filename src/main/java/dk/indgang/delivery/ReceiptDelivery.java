package dk.indgang.delivery;

import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupResult;
import dk.indgang.engine.Registers;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.Outbox;
import java.net.http.HttpClient;
import java.util.Base64;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The outbox worker for receipts: claims due jobs, asks CPR whether the citizen uses Digital Post,
 * and sends the PDF by Digital Post or the print route. Failures are retried with backoff; a job
 * whose worker stopped is taken up again when its claim expires.
 */
@Service
public class ReceiptDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptDelivery.class);
    static final String PURPOSE = "Afgøre om kvitteringen sendes med Digital Post eller som brev";

    private final Outbox outbox;
    private final Registers registers;
    private final DeliveryProperties properties;
    private final RestClient digitalPost;
    private final RestClient print;

    ReceiptDelivery(
            Outbox outbox,
            Registers registers,
            DeliveryProperties properties,
            RestClient.Builder builder,
            ObjectProvider<StubRegisters> stubs) {
        this.outbox = outbox;
        this.registers = registers;
        this.properties = properties;
        var stub = stubs.getIfAvailable();
        this.digitalPost = client(builder, properties.digitalPostUrl(), stub, "/digitalpost/v1");
        this.print = client(builder, properties.printUrl(), stub, "/print/v1");
    }

    private RestClient client(RestClient.Builder builder, String url, StubRegisters stub, String stubPath) {
        var base = url.isBlank() ? stub == null ? null : stub.baseUrl() + stubPath : url;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.timeout())
                .build());
        factory.setReadTimeout(properties.timeout());
        return builder.clone()
                .baseUrl(base == null ? "http://unconfigured.invalid" : base)
                .requestFactory(factory)
                .build();
    }

    @Scheduled(
            fixedDelayString = "${indgang.delivery.poll-interval:2s}",
            initialDelayString = "${indgang.delivery.poll-interval:2s}")
    void poll() {
        if (properties.worker()) {
            runDue();
        }
    }

    /**
     * Delivers every due receipt and letter, {@code parallelism} at a time, claiming batch after batch
     * until none is due (so a burst is drained at once, not 20 per poll); returns how many were
     * delivered.
     */
    public int runDue() {
        var delivered = new java.util.concurrent.atomic.AtomicInteger();
        try (var workers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var inFlight = new java.util.concurrent.Semaphore(Math.max(1, properties.parallelism()));
            var claimedAny = true;
            while (claimedAny) {
                claimedAny = false;
                for (var kind : java.util.List.of(Outbox.RECEIPT_DELIVERY, Outbox.LETTER_DELIVERY)) {
                    var jobs = outbox.claimDue(kind, Math.max(1, properties.batchSize()));
                    var before = delivered.get();
                    var batch = new java.util.ArrayList<java.util.concurrent.Future<?>>();
                    for (var job : jobs) {
                        inFlight.acquireUninterruptibly();
                        batch.add(workers.submit(() -> {
                            try {
                                if (deliver(job)) {
                                    delivered.incrementAndGet();
                                }
                            } catch (RuntimeException e) {
                                // The claim runs out and the job is taken up again; never lost.
                                LOG.warn("Delivery of {} failed unexpectedly", job.receiptNumber(), e);
                            } finally {
                                inFlight.release();
                            }
                        }));
                    }
                    for (var future : batch) {
                        try {
                            future.get();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return delivered.get();
                        } catch (java.util.concurrent.ExecutionException e) {
                            // handled in the task
                        }
                    }
                    // A full batch that made progress means more may be waiting: claim again at once.
                    // Otherwise the next poll goes on (a failed job waits for its backoff).
                    claimedAny |= jobs.size() >= properties.batchSize() && delivered.get() > before;
                }
            }
        }
        return delivered.get();
    }

    private boolean deliver(Outbox.Job job) {
        var context = new LookupContext("indgang-outbox", job.applicantCpr(), PURPOSE, job.receiptNumber());
        var person = registers.person(job.applicantCpr(), context);
        if (person.outcome() == LookupResult.Outcome.UNAVAILABLE) {
            outbox.retryLater(
                    job, "CPR unavailable: " + person.detail(), properties.firstBackoff(), properties.maxAttempts());
            return false;
        }
        var useDigitalPost = person.data().map(p -> p.digitalPost()).orElse(false);
        var pdf = Base64.getEncoder().encodeToString(outbox.documentOf(job));
        var body = new LinkedHashMap<String, Object>();
        // The message id is the application's: Digital Post and the print service drop a repeat.
        body.put(useDigitalPost ? "messageUUID" : "letterUUID", job.messageId().toString());
        body.put("recipient", java.util.Map.of("cpr", job.applicantCpr()));
        body.put("title", job.title() == null ? "Kvittering " + job.receiptNumber() : job.title());
        body.put(
                "documents",
                java.util.List.of(java.util.Map.of(
                        "fileName",
                        (job.letterId() == null ? "kvittering-" : "brev-") + job.receiptNumber() + ".pdf",
                        "mediaType",
                        "application/pdf",
                        "content",
                        pdf)));
        try {
            var response = (useDigitalPost
                            ? digitalPost.post().uri("/messages")
                            : print.post().uri("/letters"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            outbox.done(
                    job,
                    useDigitalPost ? "DIGITAL_POST" : "PRINT",
                    job.messageId().toString());
            LOG.info(
                    "Receipt {} delivered by {} ({})",
                    job.receiptNumber(),
                    useDigitalPost ? "Digital Post" : "print",
                    response.getStatusCode().value());
            return true;
        } catch (RestClientException e) {
            outbox.retryLater(
                    job,
                    (useDigitalPost ? "Digital Post: " : "Print: ") + firstLine(e.getMessage()),
                    properties.firstBackoff(),
                    properties.maxAttempts());
            return false;
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
