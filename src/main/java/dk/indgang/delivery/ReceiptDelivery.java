package dk.indgang.delivery;

import dk.indgang.catalog.FormCatalog;
import dk.indgang.submission.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The outbox worker for receipts and letters: claims due jobs and sends each PDF/A as a MeMo message
 * through SF1601 KombiPostAfsend, which puts it in the citizen's Digital Post or, for those exempt,
 * sends it to central print; Digital Post's receipt comes back later ({@link DeliveryReceipts}).
 * Failures are retried with backoff (the message UUID is stable, so Digital Post drops a repeat); a
 * request Digital Post refuses as malformed fails at once; a job whose worker stopped is taken up
 * again when its claim expires.
 */
@Service
public class ReceiptDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptDelivery.class);

    private final Outbox outbox;
    private final DeliveryProperties properties;
    private final DigitalPost digitalPost;
    private final FormCatalog catalog;
    private final String municipalityCvr;
    private final String municipalityName;
    private final String publicUrl;

    ReceiptDelivery(
            Outbox outbox,
            DeliveryProperties properties,
            DigitalPost digitalPost,
            FormCatalog catalog,
            @Value("${indgang.municipality.cvr}") String municipalityCvr,
            @Value("${indgang.municipality.name}") String municipalityName,
            @Value("${indgang.public-url}") String publicUrl) {
        this.outbox = outbox;
        this.properties = properties;
        this.digitalPost = digitalPost;
        this.catalog = catalog;
        this.municipalityCvr = municipalityCvr;
        this.municipalityName = municipalityName;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
        var kle = catalog.version(job.formId(), job.formVersion(), job.formSha256())
                .map(f -> f.kle())
                .map(k -> new MeMo.Kle(k.subject(), k.facet(), null))
                .orElse(null);
        var receipt = job.letterId() == null;
        var letter = new MeMo.Letter(
                job.messageId(),
                receipt
                        ? job.receiptNumber()
                        : job.receiptNumber() + "-" + job.letterId().toString().substring(0, 8),
                label(job.title() == null ? "Kvittering for din ansøgning " + job.receiptNumber() : job.title()),
                new MeMo.Sender(municipalityCvr, municipalityName),
                job.applicantCpr(),
                job.replyBy(),
                job.receiptNumber(),
                kle,
                job.createdAt().toInstant(),
                (receipt ? "kvittering-" : "brev-") + job.receiptNumber() + ".pdf",
                outbox.documentOf(job),
                new MeMo.Action("Se din sag under Mine sager", "SELVBETJENING", publicUrl + "/mine-sager"));
        var outcome = digitalPost.send(MeMo.kombiRequest(letter));
        switch (outcome) {
            case DigitalPost.Outcome.Accepted accepted -> {
                // Handed over; Digital Post's receipt (SF1461) says later which channel took it.
                outbox.done(job, "SF1601", job.messageId().toString());
                LOG.info("{} {} handed to Digital Post", receipt ? "Receipt" : "Letter", job.receiptNumber());
                return true;
            }
            case DigitalPost.Outcome.Retry retry -> {
                outbox.retryLater(job, retry.error(), properties.firstBackoff(), properties.maxAttempts());
                return false;
            }
            case DigitalPost.Outcome.Refused refused -> {
                LOG.error("Digital Post refused {} as malformed: {}", job.receiptNumber(), refused.error());
                outbox.fail(job, refused.error());
                return false;
            }
        }
    }

    /** Digital Post shows at most 150 characters of a title. */
    static String label(String title) {
        return title.length() <= 150 ? title : title.substring(0, 149) + "…";
    }
}
