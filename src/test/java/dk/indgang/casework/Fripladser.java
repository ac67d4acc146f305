package dk.indgang.casework;

import dk.indgang.catalog.FormCatalog;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.submission.Application;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Submissions;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * "Mette applies for økonomisk friplads for Oskar's SFO", with the registers prefilling her name,
 * children and income (from the stubs), for the instant-decision tests.
 */
public final class Fripladser {

    private Fripladser() {}

    /**
     * Submits a friplads application for Oskar (single parent, consent given); {@code more} changes
     * answers after the registers have prefilled (e.g. the income typed over).
     */
    public static Application submitted(
            Submissions submissions,
            Drafts drafts,
            FormCatalog catalog,
            LookupRunner lookups,
            Clock clock,
            String cpr,
            Consumer<FormSession> more) {
        var draft = drafts.start(catalog.current("oekonomisk-friplads").orElseThrow(), cpr);
        var form = drafts.definitionOf(draft);
        var session = new FormSession(
                form, draft.answers().copy(), clock, catalog.rates(form).orElse(null));
        var context = new LookupContext(
                cpr, cpr, "Test: økonomisk friplads", draft.id().toString());
        lookups.settle(session, cpr, context);
        session.answer("barn", "0309199973");
        session.answer("tilbud", "sfo");
        session.answer("enlig", true);
        session.answer("samtykke", true);
        session.answer("erklaering", true);
        lookups.settle(session, cpr, context);
        more.accept(session);
        return submissions.submit(draft, session, Channel.ONLINE, cpr, Locale.forLanguageTag("da"), null);
    }
}
