package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.engine.FormSession;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Load driver, not a timed test: submissions per second with receipts (final verdict, application
 * document, PDF/A receipt, one transaction) and their latency. {@code mvn -Pbench verify} prints a
 * table and writes {@code target/bench/submissions.txt}.
 */
@SpringBootTest
@ActiveProfiles("test")
class SubmissionBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 500);
    private static final int SUBMISSIONS = Integer.getInteger("bench.submissions", 1000);

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    Clock clock;

    private Callable<Long> oneSubmission() {
        var form = catalog.current("husstand-test").orElseThrow();
        var draft = drafts.start(form, Persons.METTE);
        var session = new FormSession(form, draft.answers().copy(), clock);
        session.answer("navn", "Mette Fiktiv Testesen");
        session.answer("foedselsdato", LocalDate.of(1988, 3, 15));
        session.answer("harBoern", true);
        for (var child : List.of("Ida", "Oskar")) {
            var i = session.addItem("boernListe");
            session.answerInItem("boernListe", i, "barnNavn", child);
            session.answerInItem("boernListe", i, "barnAlder", 8L);
        }
        session.answer("husleje", new BigDecimal("7450.00"));
        session.answer("indkomst", new BigDecimal("24800.00"));
        session.answer("boligType", "leje");
        return () -> {
            var start = System.nanoTime();
            var application = submissions.submit(
                    draft, session, Channel.ONLINE, Persons.METTE, Locale.forLanguageTag("da"), null);
            assertThat(application.receiptNumber()).startsWith("IND-");
            return System.nanoTime() - start;
        };
    }

    private record Result(int threads, double perSecond, long[] sortedNanos) {}

    private Result run(int threads, int count) throws Exception {
        var work = new ArrayList<Callable<Long>>();
        for (int i = 0; i < count; i++) {
            work.add(oneSubmission());
        }
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var start = System.nanoTime();
            var futures = pool.invokeAll(work);
            var elapsed = System.nanoTime() - start;
            var nanos = new long[count];
            for (int i = 0; i < count; i++) {
                nanos[i] = futures.get(i).get();
            }
            Arrays.sort(nanos);
            return new Result(threads, count / (elapsed / 1e9), nanos);
        }
    }

    @Test
    void measuresSubmissionsPerSecondWithReceipts() throws Exception {
        run(2, WARMUP);
        var results = List.of(run(1, SUBMISSIONS), run(2, SUBMISSIONS), run(4, SUBMISSIONS));
        var report = new StringBuilder(String.format(
                Locale.ROOT,
                "Submissions with PDF/A receipts (husstand-test, 2 children), %d per run after %d warm-up, %d cores, Java %s, H2 in memory%n",
                SUBMISSIONS,
                WARMUP,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version()));
        report.append(String.format(
                Locale.ROOT, "%-8s %14s %10s %10s %10s%n", "threads", "submissions/s", "p50 ms", "p95 ms", "p99 ms"));
        for (var r : results) {
            report.append(String.format(
                    Locale.ROOT,
                    "%-8d %14.1f %10.1f %10.1f %10.1f%n",
                    r.threads(),
                    r.perSecond(),
                    pct(r.sortedNanos(), 50),
                    pct(r.sortedNanos(), 95),
                    pct(r.sortedNanos(), 99)));
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/submissions.txt"), report);
        assertThat(results).allMatch(r -> r.sortedNanos().length == SUBMISSIONS);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
