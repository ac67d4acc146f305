package dk.indgang.ui.citizen;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import dk.indgang.casework.Case;
import dk.indgang.casework.CaseState;
import dk.indgang.casework.CaseTransitionRefused;
import dk.indgang.casework.Decision;
import dk.indgang.engine.ValueFormat;
import dk.indgang.overview.MyCases;
import dk.indgang.submission.Application;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;

/**
 * The letters about a citizen's case (decisions and the like) to open, and, while the appeal period
 * runs, her appeal: a text the municipality reconsiders before sending it on.
 */
final class CaseLetters extends Div {

    CaseLetters(MyCases cases, Application application, Case value, String cpr, LocalDate today, Runnable changed) {
        var letters = cases.letters(application);
        if (!letters.isEmpty()) {
            add(new H4(getTranslation("cases.letters")));
            var list = new UnorderedList();
            list.setId("letters-" + application.receiptNumber());
            for (var letter : letters) {
                var link = new Anchor(
                        DownloadHandler.fromInputStream(e -> {
                            var pdf = cases.letter(letter.id(), cpr);
                            return new DownloadResponse(
                                    new ByteArrayInputStream(pdf), "brev.pdf", "application/pdf", pdf.length);
                        }),
                        letter.title() + " (PDF)");
                var state = new Span(" – "
                        + getTranslation(
                                "cases.letter." + letter.delivery().status().name()));
                state.setId("letter-state-" + letter.id());
                list.add(new ListItem(link, state));
            }
            add(list);
        }
        var decision = value.latestDecision();
        if (value.state() == CaseState.DECIDED
                && decision.map(Decision::automatic).orElse(false)) {
            var automatic = new Paragraph(getTranslation("cases.decision.automatic"));
            automatic.setId("automatic-" + application.receiptNumber());
            automatic.addClassName("hint");
            add(automatic);
        }
        if (value.state() == CaseState.DECIDED
                && decision.isPresent()
                && !today.isAfter(decision.get().appealBy())) {
            var box = new Div();
            box.addClassName("info-box");
            box.setId("appeal-" + application.receiptNumber());
            var text = new TextArea(getTranslation("cases.appeal.text"));
            text.setId("appeal-text-" + application.receiptNumber());
            text.setWidthFull();
            var error = new Paragraph();
            error.addClassName("error-text");
            error.getElement().setAttribute("role", "alert");
            var send = new Button(getTranslation("cases.appeal.send"), e -> {
                try {
                    cases.appeal(value, cpr, text.getValue());
                    changed.run();
                } catch (CaseTransitionRefused refused) {
                    error.setText(getTranslation("case.refused." + refused.reason(), refused.getMessage()));
                }
            });
            send.addThemeVariants(ButtonVariant.PRIMARY);
            send.setId("appeal-send-" + application.receiptNumber());
            box.add(
                    new H4(getTranslation("cases.appeal.title")),
                    new Paragraph(getTranslation(
                            "cases.appeal.until",
                            ValueFormat.date(decision.get().appealBy()))),
                    text,
                    error,
                    send);
            add(box);
        }
    }
}
