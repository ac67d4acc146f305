package dk.indgang.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Outbox;
import dk.indgang.submission.SubmissionFixtures;
import dk.indgang.submission.Submissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Load driver, not a timed test ({@code mvn -Pbench verify}): does the outbox keep up with the
 * submissions? A burst of applications is submitted (4 threads, receipts rendered), then the worker
 * drains the backlog to the Digital Post stub (CPR routing lookup and POST per receipt). Prints both
 * rates and writes {@code target/bench/outbox.txt}.
 */
@SpringBootTest
@ActiveProfiles("test")
class OutboxBenchmark {

    private static final int APPLICATIONS = Integer.getInteger("bench.outbox.applications", 1000);

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    ReceiptDelivery delivery;

    @Autowired
    Outbox outbox;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    Clock clock;

    @Test
    void theOutboxKeepsUpWithTheSubmissions() throws Exception {
        delivery.runDue();
        var citizens = List.of(Persons.METTE, Persons.LONE, Persons.KASPER, Persons.FREJA);
        var work = new ArrayList<Callable<Void>>();
        for (int i = 0; i < APPLICATIONS; i++) {
            var cpr = citizens.get(i % citizens.size());
            work.add(() -> {
                SubmissionFixtures.submittedHusstand(submissions, drafts, catalog, clock, cpr, "Test");
                return null;
            });
        }
        long submitNanos;
        try (var pool = Executors.newFixedThreadPool(4)) {
            var start = System.nanoTime();
            for (var f : pool.invokeAll(work)) {
                f.get();
            }
            submitNanos = System.nanoTime() - start;
        }
        var backlog = outbox.backlog().waiting();
        var start = System.nanoTime();
        var delivered = delivery.runDue();
        var deliverNanos = System.nanoTime() - start;
        var submitted = APPLICATIONS / (submitNanos / 1e9);
        var sent = delivered / (deliverNanos / 1e9);
        var report = String.format(
                Locale.ROOT,
                "Outbox: %d applications submitted at %.1f/s (4 threads); backlog %d; delivered %d at %.1f/s"
                        + " (parallelism %d, batch %d); left %d; %d cores%n",
                APPLICATIONS,
                submitted,
                backlog,
                delivered,
                sent,
                properties.parallelism(),
                properties.batchSize(),
                outbox.backlog().waiting(),
                Runtime.getRuntime().availableProcessors());
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/outbox.txt"), report);
        assertThat(outbox.backlog().waiting()).isZero();
        assertThat(delivered).isGreaterThanOrEqualTo(APPLICATIONS);
    }
}
