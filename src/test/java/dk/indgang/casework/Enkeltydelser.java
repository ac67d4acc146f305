package dk.indgang.casework;

import dk.indgang.catalog.FormCatalog;
import dk.indgang.engine.AddressValue;
import dk.indgang.engine.FormSession;
import dk.indgang.submission.Application;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Submissions;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;

/** "Mette applies for an enkeltydelse for her washing machine", for the case-processing tests. */
public final class Enkeltydelser {

    private Enkeltydelser() {}

    /**
     * Submits a complete enkeltydelse for {@code cpr}, without consent (she states her income);
     * {@code more} changes or adds answers (and files, to the draft) before it is sent.
     */
    public static Application submitted(
            Submissions submissions,
            Drafts drafts,
            FormCatalog catalog,
            Clock clock,
            String cpr,
            java.util.function.BiConsumer<dk.indgang.submission.Draft, FormSession> more) {
        var draft = drafts.start(catalog.current("enkeltydelse").orElseThrow(), cpr);
        var session =
                new FormSession(drafts.definitionOf(draft), draft.answers().copy(), clock);
        session.answer("navn", "Mette Fiktiv Testesen");
        session.answer("adresse", new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C"));
        session.answer("samlevende", false);
        session.answer("antalBoern", 2L);
        session.answer("samtykke", false);
        session.answer("egenIndkomst", new BigDecimal("150000"));
        session.answer("formue", BigDecimal.ZERO);
        session.answer("udgiftBeskrivelse", "Min vaskemaskine er gået i stykker.");
        session.answer("beloeb", new BigDecimal("4500"));
        session.answer("uforudset", "Den brød sammen uden varsel.");
        session.answer("tidligereHjaelp", false);
        session.answer("erklaering", true);
        more.accept(draft, session);
        return submissions.submit(draft, session, Channel.ONLINE, cpr, Locale.forLanguageTag("da"), null);
    }
}
