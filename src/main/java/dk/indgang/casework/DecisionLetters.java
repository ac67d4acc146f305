package dk.indgang.casework;

import dk.indgang.definition.DanishTime;
import dk.indgang.engine.ValueFormat;
import dk.indgang.receipt.ReceiptContent;
import dk.indgang.receipt.ReceiptRenderer;
import dk.indgang.submission.Application;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The decision letter (PDF/A-2b): the decision, its reasons — the facts relied on with their
 * source, the rules applied and the legal basis (forvaltningsloven §§ 22–24) — and the appeal
 * guidance (§ 25), all from the decision, whose texts come from the form's definition.
 */
@Component
class DecisionLetters {

    private final ReceiptRenderer renderer;
    private final Clock clock;
    private final String municipality;

    DecisionLetters(ReceiptRenderer renderer, Clock clock, @Value("${indgang.municipality.name}") String municipality) {
        this.renderer = renderer;
        this.clock = clock;
        this.municipality = municipality;
    }

    /** The letter's title, as the citizen's Digital Post inbox shows it. */
    static String title(String formTitle) {
        return "Afgørelse: " + formTitle;
    }

    byte[] render(Case value, Decision decision, Application application, String formTitle) {
        var automatic = decision.automatic();
        var facts = new ArrayList<ReceiptContent.Line>();
        facts.add(line("Dato", ValueFormat.date(LocalDate.now(clock))));
        facts.add(line("Sag", application.receiptNumber()));
        facts.add(line(
                "Ansøgning modtaget",
                ValueFormat.date(application
                        .submittedAt()
                        .atZoneSameInstant(DanishTime.ZONE)
                        .toLocalDate())));
        var outcome =
                switch (decision.outcome()) {
                    case GRANTED -> "Du får hjælp";
                    case PARTLY_GRANTED -> "Du får delvis hjælp";
                    case REFUSED -> "Du får ikke hjælp";
                };
        var decided = new ArrayList<ReceiptContent.Line>();
        decided.add(line("Afgørelse", outcome));
        if (decision.amount() != null) {
            decided.add(line("Beløb", ValueFormat.money(decision.amount())));
        }
        if (automatic) {
            decided.add(line(
                    "Truffet automatisk",
                    "Afgørelsen er truffet automatisk ud fra reglerne og oplysningerne nedenfor og er derfor ikke"
                            + " underskrevet (forvaltningsloven § 32 b). Du kan bede kommunen se på den igen, og du"
                            + " kan klage."));
        }
        var reasons = new ArrayList<ReceiptContent.Line>();
        for (var fact : decision.facts()) {
            reasons.add(new ReceiptContent.Line(
                    "Oplysning",
                    fact.text(),
                    switch (fact.source()) {
                        case CITIZEN -> "Oplyst af dig";
                        case REGISTER -> "Fra " + fact.sourceName();
                        case OTHER -> "Fra " + fact.sourceName();
                    }));
        }
        for (int i = 0; i < decision.rules().size(); i++) {
            var rule = decision.rules().get(i);
            if (automatic && rule.startsWith("Regelversion: ")) {
                reasons.add(line("Regelversion", rule.substring("Regelversion: ".length())));
            } else if (automatic && rule.startsWith("Satser: ")) {
                reasons.add(line("Satser", rule.substring("Satser: ".length())));
            } else {
                reasons.add(line(automatic && i > 0 ? "Beregning" : "Vurdering", rule));
            }
        }
        reasons.add(line("Retsgrundlag", decision.legalBasis()));
        if (decision.hearingWaiver() != null && !decision.hearingWaiver().isBlank()) {
            reasons.add(line("Partshøring", "Du er ikke partshørt, fordi: " + decision.hearingWaiver()));
        }
        var guidance = decision.appealGuidance();
        var appeal = List.of(
                line("Hvem", guidance.to()),
                line("Hvordan", guidance.how()),
                line(
                        "Frist",
                        "Inden " + guidance.weeks() + " uger efter, at du har modtaget afgørelsen — senest "
                                + ValueFormat.date(decision.appealBy()) + "."));
        return renderer.render(new ReceiptContent(
                "da",
                municipality,
                title(formTitle),
                formTitle,
                facts,
                List.of(
                        new ReceiptContent.Section("Afgørelsen", decided),
                        new ReceiptContent.Section("Begrundelse", reasons),
                        new ReceiptContent.Section("Klagevejledning", appeal)),
                null,
                "Hvad sker der nu?",
                List.of(
                        "Du kan se afgørelsen og klage over den under »Mine sager«.",
                        "Har du spørgsmål, kan du skrive til kommunen i Mine sager eller ringe til Borgerservice."),
                "Sag " + value.id() + " · " + application.receiptNumber()));
    }

    /** The letter of a request for information or a hearing: what is asked, by when, and how to answer. */
    byte[] request(CitizenRequest request, List<Fact> heard, Application application, String formTitle) {
        var hearing = request.kind() == CitizenRequest.Kind.HEARING;
        var facts = List.of(
                line("Dato", ValueFormat.date(LocalDate.now(clock))),
                line("Sag", application.receiptNumber()),
                line("Svarfrist", ValueFormat.date(request.dueBy())));
        var asked = new ArrayList<ReceiptContent.Line>();
        asked.add(line(hearing ? "Partshøring" : "Vi beder om", request.text()));
        for (var fact : heard) {
            asked.add(new ReceiptContent.Line("Oplysning", fact.text(), "Fra " + fact.sourceName()));
        }
        if (hearing) {
            asked.add(line(
                    "Hvorfor",
                    "Kommunen vil bygge afgørelsen på oplysninger, du ikke selv har givet. Du har ret til at udtale"
                            + " dig om dem, før der træffes afgørelse (forvaltningsloven § 19)."));
        }
        return renderer.render(new ReceiptContent(
                "da",
                municipality,
                requestTitle(request, formTitle),
                formTitle,
                facts,
                List.of(new ReceiptContent.Section(hearing ? "Det vil vi høre dig om" : "Det mangler vi", asked)),
                null,
                "Sådan svarer du",
                List.of(
                        "Svar under »Mine sager« senest " + ValueFormat.date(request.dueBy())
                                + ". Du kan skrive et svar og vedhæfte filer.",
                        hearing
                                ? "Svarer du ikke inden fristen, træffer kommunen afgørelse på de oplysninger, den har."
                                : "Har du spørgsmål, kan du ringe til Borgerservice."),
                application.receiptNumber()));
    }

    static String forwardedTitle(String formTitle) {
        return "Din klage er sendt til Ankestyrelsen: " + formTitle;
    }

    /** The municipality has reconsidered, upholds the decision and has sent the appeal on. */
    byte[] forwarded(Case value, Decision decision, String reasons, Application application, String formTitle) {
        return renderer.render(new ReceiptContent(
                "da",
                municipality,
                forwardedTitle(formTitle),
                formTitle,
                List.of(line("Dato", ValueFormat.date(LocalDate.now(clock))), line("Sag", application.receiptNumber())),
                List.of(new ReceiptContent.Section(
                        "Kommunens genvurdering",
                        List.of(
                                line("Resultat", "Kommunen fastholder afgørelsen."),
                                line("Begrundelse", reasons.strip()),
                                line(
                                        "Klagen er sendt til",
                                        decision.appealGuidance().to())))),
                null,
                "Hvad sker der nu?",
                List.of(
                        "Ankestyrelsen behandler din klage og sender sin afgørelse til dig.",
                        "Du kan følge sagen under »Mine sager«."),
                "Sag " + value.id() + " · " + application.receiptNumber()));
    }

    static String requestTitle(CitizenRequest request, String formTitle) {
        return (request.kind() == CitizenRequest.Kind.HEARING ? "Partshøring: " : "Anmodning om oplysninger: ")
                + formTitle;
    }

    private static ReceiptContent.Line line(String label, String value) {
        return new ReceiptContent.Line(label, value, null);
    }
}
