package dk.indgang.submission;

import dk.indgang.assessment.AssessmentResult;
import dk.indgang.definition.DanishTime;
import dk.indgang.engine.ApplicantStanding;
import dk.indgang.engine.CprNumber;
import dk.indgang.engine.Messages;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Review;
import dk.indgang.engine.ValueFormat;
import dk.indgang.engine.Verdict;
import dk.indgang.receipt.ReceiptContent;
import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/** What the receipt says about an application, in the citizen's language (texts: {@code receipt*.properties}). */
final class ReceiptContents {

    private ReceiptContents() {}

    /** The receipt's texts in one language. */
    private record Texts(ResourceBundle bundle, Locale locale) {
        static Texts of(Locale locale) {
            var language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.forLanguageTag("da");
            return new Texts(
                    ResourceBundle.getBundle(
                            "receipt",
                            language,
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)),
                    language);
        }

        String get(String key, Object... args) {
            var text = bundle.getString(key);
            return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
        }

        String when(OffsetDateTime at) {
            return DateTimeFormatter.ofPattern(bundle.getString("received.at"))
                    .format(at.atZoneSameInstant(DanishTime.ZONE));
        }
    }

    static ReceiptContent of(
            String municipality,
            ApplicationDocument.Header header,
            Verdict verdict,
            String documentSha256,
            Locale locale,
            Optional<AssessmentResult> assessment) {
        var t = Texts.of(locale);
        var form = verdict.form();
        var facts = new ArrayList<ReceiptContent.Line>();
        facts.add(line(t.get("receiptNumber"), header.receiptNumber()));
        facts.add(line(t.get("received"), t.when(header.submittedAt())));
        facts.add(line(t.get("form"), t.get("form.version", form.title().in(locale), String.valueOf(form.version()))));
        if (header.applicantName() != null) {
            facts.add(line(t.get("applicant"), header.applicantName()));
        }
        facts.add(line(t.get("cpr"), CprNumber.mask(header.applicantCpr())));
        facts.add(line(t.get("channel"), t.get("channel." + header.channel().name())));
        verdict.answers().assistance().ifPresent(assistance -> {
            var name = assistance.caseworkerName() == null ? assistance.caseworker() : assistance.caseworkerName();
            facts.add(line(
                    t.get("assistedBy"),
                    t.get(assistance.byPhone() ? "assistedBy.phone" : "assistedBy.counter", name)));
            facts.add(line(
                    t.get("consent"), t.get(assistance.consentGivenOrally() ? "consent.oral" : "consent.inPerson")));
            if (assistance.declarationWasReadAloud()) {
                facts.add(line(t.get("declaration"), t.get("declaration.readAloud")));
            }
        });
        var sections = new ArrayList<ReceiptContent.Section>();
        // a protected address is printed on no receipt: the receipt travels (Digital Post, print)
        var hideAddresses = ApplicantStanding.of(verdict).contains(ApplicantStanding.PROTECTED_ADDRESS);
        for (var section : Review.of(verdict, locale).sections()) {
            var lines = new ArrayList<ReceiptContent.Line>();
            for (var item : section.items()) {
                if (hideAddresses
                        && isAddress(verdict, item.path())
                        && !item.value().isEmpty()) {
                    lines.add(new ReceiptContent.Line(item.label(), t.get("address.protected"), null));
                    continue;
                }
                lines.add(new ReceiptContent.Line(item.label(), item.value(), mark(item.provenance(), t)));
            }
            for (var note : section.notes()) {
                lines.add(new ReceiptContent.Line(
                        t.get(note.overridden() ? "note.overridden" : "note.confirmed"),
                        note.explanation().isBlank() ? t.get("note.none") : note.explanation(),
                        t.get("note.warning", note.message())));
            }
            sections.add(new ReceiptContent.Section(section.title(), lines));
        }
        var footer = t.get(
                "footer",
                documentSha256,
                form.id(),
                String.valueOf(form.version()),
                form.sha256().substring(0, 12));
        return new ReceiptContent(
                t.locale().getLanguage(),
                municipality,
                t.get("title"),
                form.title().in(locale),
                facts,
                sections,
                assessmentSection(assessment, t),
                t.get("next"),
                List.of(t.get("next.1"), t.get("next.2"), t.get("next.3")),
                footer);
    }

    private static ReceiptContent.Section assessmentSection(Optional<AssessmentResult> assessment, Texts t) {
        if (assessment.isEmpty()) {
            return null;
        }
        var a = assessment.get();
        var lines = new ArrayList<ReceiptContent.Line>();
        lines.add(line(t.get("assessment.result"), a.reason()));
        if (a.decision() != null) {
            lines.add(line(
                    t.get("assessment.mode"),
                    a.automatic()
                            ? t.get("assessment.mode.automatic")
                            : t.get(
                                    "assessment.mode.caseworker",
                                    String.join(
                                            "; ",
                                            a.decision().obstacles().stream()
                                                    .map(AssessmentResult.Obstacle::text)
                                                    .toList()))));
        }
        if (a.amount() != null) {
            lines.add(line(
                    t.get(a.automatic() ? "assessment.amount" : "assessment.estimate"),
                    t.get("assessment.per." + a.period().name(), ValueFormat.money(a.amount()))));
        }
        a.steps().forEach(l -> lines.add(line(l.label(), l.value())));
        if (a.note() != null) {
            lines.add(line(t.get("assessment.note"), a.note()));
        }
        lines.add(line(
                t.get("assessment.rates"),
                a.ratesValidFrom() == null
                        ? a.rates()
                        : t.get(
                                "assessment.rates.from",
                                a.rates(),
                                a.ratesValidFrom().toString())));
        return new ReceiptContent.Section(
                t.get(a.automatic() ? "assessment.title.decided" : "assessment.title", a.title()), lines);
    }

    private static boolean isAddress(Verdict verdict, String path) {
        return Messages.fieldAt(verdict.evaluation(), path)
                .map(f -> f.type() instanceof dk.indgang.definition.FieldType.Address)
                .orElse(false);
    }

    private static ReceiptContent.Line line(String label, String value) {
        return new ReceiptContent.Line(label, value, null);
    }

    private static String mark(Provenance provenance, Texts t) {
        return provenance == null
                ? null
                : t.get(
                        "mark." + provenance.source().name() + (provenance.changedByCaseworker() ? ".caseworker" : ""),
                        Provenance.registerName(provenance.register()));
    }
}
