package dk.indgang.submission;

import dk.indgang.catalog.FormCatalog;
import dk.indgang.engine.FormSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

/** "A submitted application" of the test form {@code husstand-test}, for the tests that need one. */
public final class SubmissionFixtures {

    private SubmissionFixtures() {}

    /** A draft of husstand-test for {@code cpr}, and a session of it. */
    public record Started(Draft draft, FormSession session) {}

    /** Starts husstand-test for {@code cpr} and answers it completely: a renter without children. */
    public static Started completeHusstand(Drafts drafts, FormCatalog catalog, Clock clock, String cpr, String name) {
        var draft = drafts.start(catalog.current("husstand-test").orElseThrow(), cpr);
        var session =
                new FormSession(drafts.definitionOf(draft), draft.answers().copy(), clock);
        session.answer("navn", name);
        session.answer("foedselsdato", LocalDate.of(1988, 3, 15));
        session.answer("harBoern", false);
        session.answer("husleje", new BigDecimal("5000"));
        session.answer("indkomst", new BigDecimal("20000"));
        session.answer("boligType", "leje");
        return new Started(draft, session);
    }

    /** {@link #completeHusstand}, submitted online by the citizen herself. */
    public static Application submittedHusstand(
            Submissions submissions, Drafts drafts, FormCatalog catalog, Clock clock, String cpr, String name) {
        var started = completeHusstand(drafts, catalog, clock, cpr, name);
        return submissions.submit(
                started.draft(), started.session(), Channel.ONLINE, cpr, Locale.forLanguageTag("da"), null);
    }
}
