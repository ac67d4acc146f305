package dk.indgang.submission;

import dk.indgang.engine.CprNumber;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Review;
import dk.indgang.engine.Verdict;
import dk.indgang.receipt.ReceiptContent;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the receipt says about an application, in the citizen's language. */
final class ReceiptContents {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy 'kl.' HH.mm");

    private ReceiptContents() {}

    static ReceiptContent of(
            String municipality,
            ApplicationDocument.Header header,
            Verdict verdict,
            String documentSha256,
            Locale locale,
            java.util.Optional<dk.indgang.assessment.AssessmentResult> assessment) {
        var en = "en".equals(locale.getLanguage());
        var form = verdict.form();
        var facts = new ArrayList<ReceiptContent.Line>();
        facts.add(line(en ? "Receipt number" : "Kvitteringsnummer", header.receiptNumber()));
        facts.add(line(
                en ? "Received" : "Modtaget",
                WHEN.format(header.submittedAt().atZoneSameInstant(dk.indgang.definition.DanishTime.ZONE))));
        facts.add(line(
                en ? "Form" : "Formular",
                form.title().in(locale) + (en ? ", version " : ", version ") + form.version()));
        if (header.applicantName() != null) {
            facts.add(line(en ? "Applicant" : "Ansøger", header.applicantName()));
        }
        facts.add(line(en ? "CPR number" : "CPR-nummer", CprNumber.mask(header.applicantCpr())));
        facts.add(line(
                en ? "Channel" : "Kanal",
                switch (header.channel()) {
                    case ONLINE -> en ? "Online self-service" : "Digital selvbetjening";
                    case COUNTER -> en ? "At the citizen-service counter" : "I Borgerservice";
                    case PHONE -> en ? "By phone" : "Telefonisk";
                }));
        verdict.answers().assistance().ifPresent(assistance -> {
            facts.add(line(
                    en ? "Assisted by" : "Hjulpet af",
                    (assistance.caseworkerName() == null ? assistance.caseworker() : assistance.caseworkerName())
                            + (assistance.byPhone()
                                    ? (en ? ", contact centre (by phone)" : ", Kontaktcenter (telefon)")
                                    : (en ? ", citizen service" : ", Borgerservice"))));
            facts.add(line(
                    en ? "Consent to register lookups" : "Samtykke til registeropslag",
                    assistance.consentGivenOrally()
                            ? (en ? "Given orally by phone" : "Givet mundtligt i telefonen")
                            : (en ? "Given in person" : "Givet personligt")));
            if (assistance.declarationWasReadAloud()) {
                facts.add(line(
                        en ? "Declaration" : "Erklæring",
                        en ? "Read aloud to the citizen and confirmed" : "Læst op for borgeren og bekræftet"));
            }
        });
        var sections = new ArrayList<ReceiptContent.Section>();
        for (var section : Review.of(verdict, locale).sections()) {
            var lines = new ArrayList<ReceiptContent.Line>();
            for (var item : section.items()) {
                lines.add(new ReceiptContent.Line(item.label(), item.value(), mark(item.provenance(), en)));
            }
            sections.add(new ReceiptContent.Section(section.title(), lines));
        }
        var next = en
                ? List.of(
                        "We have received your application and passed it on for processing. You can follow it under \"My cases\".",
                        "You will get the decision in Digital Post. Keep this receipt.",
                        "Values marked \"not verified\" will be checked by a caseworker, who may contact you.")
                : List.of(
                        "Vi har modtaget din ansøgning og sendt den videre til behandling. Du kan følge den under »Mine sager«.",
                        "Du får afgørelsen i Digital Post. Gem denne kvittering.",
                        "Oplysninger mærket »ikke kontrolleret« bliver kontrolleret af en sagsbehandler, som kan kontakte dig.");
        var footer = (en ? "SHA-256 of the application data: " : "SHA-256 af ansøgningsdata: ") + documentSha256
                + (en ? ". Form " : ". Formular ") + form.id() + " v" + form.version() + " ("
                + form.sha256().substring(0, 12) + ").";
        return new ReceiptContent(
                locale.getLanguage(),
                municipality,
                en ? "Receipt for your application" : "Kvittering for din ansøgning",
                form.title().in(locale),
                facts,
                sections,
                assessmentSection(assessment, en),
                en ? "What happens next?" : "Hvad sker der nu?",
                next,
                footer);
    }

    private static ReceiptContent.Section assessmentSection(
            java.util.Optional<dk.indgang.assessment.AssessmentResult> assessment, boolean en) {
        if (assessment.isEmpty()) {
            return null;
        }
        var a = assessment.get();
        var lines = new ArrayList<ReceiptContent.Line>();
        lines.add(line(en ? "Result" : "Resultat", a.reason()));
        if (a.amount() != null) {
            var per =
                    switch (a.period()) {
                        case MONTH -> en ? " per month" : " pr. måned";
                        case QUARTER -> en ? " per quarter" : " pr. kvartal";
                        case YEAR -> en ? " per year" : " om året";
                    };
            lines.add(line(en ? "Estimate" : "Skøn", dk.indgang.engine.ValueFormat.money(a.amount()) + per));
        }
        a.steps().forEach(l -> lines.add(line(l.label(), l.value())));
        if (a.note() != null) {
            lines.add(line(en ? "Note" : "Bemærk", a.note()));
        }
        lines.add(line(
                en ? "Rates" : "Satser",
                a.rates() + (a.ratesValidFrom() == null ? "" : (en ? " from " : " fra ") + a.ratesValidFrom())));
        return new ReceiptContent.Section(a.title() + (en ? " (non-binding)" : " (vejledende)"), lines);
    }

    private static ReceiptContent.Line line(String label, String value) {
        return new ReceiptContent.Line(label, value, null);
    }

    private static String mark(Provenance provenance, boolean en) {
        if (provenance == null) {
            return null;
        }
        var register = Provenance.registerName(provenance.register());
        return switch (provenance.source()) {
            case REGISTER -> (en ? "✓ From " : "✓ Fra ") + register;
            case CHANGED ->
                en
                        ? "Changed by you (" + register + " says otherwise)"
                        : "Ændret af dig (" + register + " siger noget andet)";
            case NOT_VERIFIED ->
                en
                        ? "Not verified: " + register + " did not answer"
                        : "Ikke kontrolleret: " + register + " svarede ikke";
        };
    }

    static String when(OffsetDateTime at) {
        return WHEN.format(at.atZoneSameInstant(dk.indgang.definition.DanishTime.ZONE));
    }
}
