package dk.indgang.ui.casework;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.casework.CaseFiles;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.ValueFormat;
import dk.indgang.ui.wizard.ReceiptLink;
import java.time.ZoneId;

/**
 * The body of a case file, the same for the benefits centre and for counter staff reading it: the
 * application with each value's source, the explanations, the receipt, the letters with their
 * delivery, the requests and answers, and the history.
 */
public final class CaseFileContent extends Div {

    public CaseFileContent(CaseFiles.CaseFile file, CaseFiles caseFiles, ZoneId zone) {
        var value = file.value();
        add(new H2(getTranslation("casefile.application")));
        var answers = new DescriptionList();
        answers.setId("case-application");
        for (var v : file.values()) {
            var description = new DescriptionList.Description(v.display().isEmpty() ? "–" : v.display());
            if (v.register() != null) {
                var tag = new Span(
                        getTranslation("casefile.source." + v.source(), Provenance.registerName(v.register())));
                tag.addClassName("provenance");
                description.add(tag);
            }
            answers.add(new DescriptionList.Term(v.label()), description);
        }
        add(answers);
        if (!file.explanations().isEmpty()) {
            add(new H3(getTranslation("casefile.explanations")));
            var list = new UnorderedList();
            file.explanations()
                    .forEach(e -> list.add(new ListItem(e.message() + " — "
                            + (e.overriddenBy() == null
                                    ? getTranslation("casefile.explained", e.text())
                                    : getTranslation("casefile.overridden", e.overriddenBy(), e.text())))));
            add(list);
        }
        add(ReceiptLink.of(
                file.application(),
                () -> caseFiles.receipt(value).orElseThrow(),
                getTranslation("casefile.receipt.download")));

        if (!file.evidence().isEmpty()) {
            add(new H3(getTranslation("casefile.evidence")));
            var lookups = new UnorderedList();
            lookups.setId("case-evidence");
            file.evidence()
                    .forEach(e -> lookups.add(new ListItem(getTranslation(
                            "casefile.evidence.line",
                            Provenance.registerName(e.register()),
                            e.purpose(),
                            getTranslation("casefile.outcome.lookup." + e.outcome()),
                            e.fetchedAt() == null
                                    ? "–"
                                    : ValueFormat.dateTime(java.time.Instant.parse(e.fetchedAt()), zone)))));
            add(lookups);
        }
        file.assessment().ifPresent(a -> {
            add(new H3(getTranslation(
                    file.automation().map(CaseFiles.Automation::automatic).orElse(false)
                            ? "casefile.assessment.decided"
                            : "casefile.assessment",
                    a.title())));
            var lines = new UnorderedList();
            lines.setId("case-assessment");
            lines.add(new ListItem(a.reason() + (a.amount() == null ? "" : " (" + a.amount() + " kr.)")));
            a.steps().forEach(step -> lines.add(new ListItem(step)));
            add(lines);
        });
        if (!file.attachments().isEmpty()) {
            add(new H3(getTranslation("casefile.attachments")));
            var files = new UnorderedList();
            files.setId("case-attachments");
            for (var attachment : file.attachments()) {
                files.add(new ListItem(new Anchor(
                        com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(e -> {
                            var stored = caseFiles
                                    .attachment(value, attachment.sha256())
                                    .orElseThrow();
                            return new com.vaadin.flow.server.streams.DownloadResponse(
                                    new java.io.ByteArrayInputStream(stored.content()),
                                    stored.name(),
                                    stored.mediaType(),
                                    stored.content().length);
                        }),
                        attachment.name() + " (" + Math.max(1, attachment.size() / 1024) + " kB)")));
            }
            add(files);
        }
        add(new H2(getTranslation("casefile.letters")));
        var letters = new UnorderedList();
        letters.setId("case-letters");
        for (var letter : caseFiles.letters(value)) {
            var link = new com.vaadin.flow.component.html.Anchor(
                    com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(e -> {
                        var pdf = caseFiles.letter(value, letter.id()).orElseThrow();
                        return new com.vaadin.flow.server.streams.DownloadResponse(
                                new java.io.ByteArrayInputStream(pdf), "brev.pdf", "application/pdf", pdf.length);
                    }),
                    letter.title() + " (PDF)");
            letters.add(new ListItem(
                    link,
                    new Span(" – "
                            + getTranslation("casefile.letter."
                                    + letter.delivery().status().name())
                            + (letter.delivery().status() == dk.indgang.submission.Outbox.Status.FAILED
                                            && letter.delivery().problem() != null
                                    ? ": " + letter.delivery().problem()
                                    : ""))));
        }
        if (letters.getComponentCount() == 0) {
            letters.add(new ListItem(getTranslation("casefile.letters.none")));
        }
        add(letters);
        add(new H2(getTranslation("casefile.requests")));
        var requests = new UnorderedList();
        requests.setId("case-requests");
        for (var request : file.value().requests()) {
            var item = new ListItem(new Paragraph(getTranslation(
                    "casefile.request." + request.kind().name(), request.text(), ValueFormat.date(request.dueBy()))));
            item.add(new Paragraph(
                    request.answered()
                            ? getTranslation("casefile.answer", request.answer().text())
                                    + (request.answer().attachments().isEmpty()
                                            ? ""
                                            : " ("
                                                    + String.join(
                                                            ", ",
                                                            request.answer().attachments()) + ")")
                            : getTranslation("casefile.answer.none")));
            requests.add(item);
        }
        if (file.value().requests().isEmpty()) {
            requests.add(new ListItem(getTranslation("casefile.requests.none")));
        }
        add(requests);

        add(new H2(getTranslation("casefile.history")));
        var history = new OrderedList();
        history.setId("case-history");
        file.value()
                .history()
                .forEach(e -> history.add(new ListItem(ValueFormat.dateTime(e.at(), zone) + " – "
                        + getTranslation("case.event." + e.kind().name(), e.actor())
                        + (e.details().containsKey("text") ? ": " + e.details().get("text") : ""))));
        add(history);
    }
}
